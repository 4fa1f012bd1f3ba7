package org.demarche.ingest;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Finds the files to ingest: named files as they are, folders recursively (hidden files and
 * folders, such as a workspace kept inside the corpus, are passed over). A link inside a folder
 * is read when it leads to a file inside that same folder; a link to a folder, or to anything
 * outside, is not followed and is reported as a problem (one line, counted). When a manifest is
 * given, a folder contributes only the files the manifest lists — a corpus folder also holds its
 * README and the manifest itself — unless allFiles.
 */
public final class SourceFinder {

    /**
     * @param files        what to read, sorted
     * @param problems     inputs that could not be listed, one line each
     * @param notInManifest files in folders left out because the manifest does not list them
     */
    public record Found(List<Path> files, List<String> problems, int notInManifest) {}

    private SourceFinder() {}

    public static Found find(List<Path> inputs, Manifest manifest, boolean allFiles) {
        TreeSet<Path> files = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        int[] skipped = {0};
        Path manifestFile = manifest.file();
        for (Path input : inputs) {
            Path abs = input.toAbsolutePath().normalize();
            if (Files.isRegularFile(abs)) {
                files.add(abs);
            } else if (Files.isDirectory(abs)) {
                Path root = realPath(abs);
                try {
                    Files.walkFileTree(abs, new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            return !dir.equals(abs) && hidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            if (attrs.isSymbolicLink() && !hidden(file)) {
                                Path target = realPath(file);
                                if (target == null) {
                                    problems.add(file + ": a link to nothing (its target is missing): not read");
                                    return FileVisitResult.CONTINUE;
                                }
                                if (Files.isDirectory(target)) {
                                    problems.add(file + ": a link to a folder (" + target + "): not followed");
                                    return FileVisitResult.CONTINUE;
                                }
                                if (!target.startsWith(root)) {
                                    problems.add(file + ": a link to a file outside " + abs + " (" + target + "): not followed");
                                    return FileVisitResult.CONTINUE;
                                }
                                if (!Files.isRegularFile(target)) {
                                    return FileVisitResult.CONTINUE;
                                }
                            } else if (!attrs.isRegularFile()) {
                                return FileVisitResult.CONTINUE;
                            }
                            if (hidden(file) || file.equals(manifestFile)) {
                                return FileVisitResult.CONTINUE;
                            }
                            if (manifest.isPresent() && !allFiles && !manifest.lists(file)) {
                                skipped[0]++;
                            } else {
                                files.add(file);
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            problems.add(file + ": cannot read: " + e.getClass().getSimpleName());
                            return FileVisitResult.CONTINUE;
                        }
                    });
                } catch (IOException e) {
                    problems.add(abs + ": cannot list: " + e.getMessage());
                }
            } else {
                problems.add(input + ": no such file or folder");
            }
        }
        return new Found(new ArrayList<>(files), problems, skipped[0]);
    }

    /** n of the files, spread evenly over the list, so a sample spans the whole corpus (every year, not the first). */
    public static List<Path> spread(List<Path> files, int n) {
        if (n >= files.size()) {
            return files;
        }
        List<Path> out = new ArrayList<>(n);
        double step = (double) files.size() / n;
        for (int i = 0; i < n; i++) {
            out.add(files.get((int) (i * step)));
        }
        return out;
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean hidden(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().startsWith(".");
    }
}
