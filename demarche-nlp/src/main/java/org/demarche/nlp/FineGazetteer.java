package org.demarche.nlp;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * CoreNLP's fine-grained NER gazetteers cut down to the entity types extraction reads. The mapping
 * files ship in the models jar; TokensRegexNER reads a mapping from a path, so the kept entries are
 * written once per process to a temporary file.
 */
final class FineGazetteer {

    /** The fine-grained types DocumentExtractor reads; CITY (536,000 of the 587,000 entries) is not one. */
    static final Set<String> TYPES = Set.of("COUNTRY", "NATIONALITY", "TITLE", "STATE_OR_PROVINCE");

    /**
     * Entries written as regular expressions (US state abbreviations "N\\.?J\\.?", military ranks,
     * "Ala\\.?-owned"): TokensRegexNER cannot index them by word, so it tried each one at every token.
     */
    private static final Pattern REGEX = Pattern.compile("[\\\\\\[\\]*+?()|^$]");

    private FineGazetteer() {}

    /** The path of a temporary mapping of the project's state names and capitals (Gazetteer). */
    static String statesPath() {
        try {
            Path out = Files.createTempFile("demarche-ner-states-", ".tab");
            out.toFile().deleteOnExit();
            Files.write(out, Gazetteer.get().regexnerLines(), StandardCharsets.UTF_8);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the states' NER gazetteer", e);
        }
    }

    /** The path of a temporary copy of this classpath mapping holding only the entries of TYPES. */
    static String path(String resource) {
        try (InputStream in = CoreNlp.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("CoreNLP models jar lacks " + resource);
            }
            Path out = Files.createTempFile("demarche-ner-", ".tab");
            out.toFile().deleteOnExit();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                    BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                for (String line; (line = r.readLine()) != null; ) {
                    String[] f = line.split("\t", 3);
                    if (f.length >= 2 && TYPES.contains(f[1]) && !REGEX.matcher(f[0]).find()) {
                        w.write(line);
                        w.newLine();
                    }
                }
            }
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the NER gazetteer " + resource, e);
        }
    }
}
