package org.demarche.stance;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The issues whose stances are tracked (spec/CONTRACT.md section 3), read from YAML and checked
 * before any work starts: a YAML error, a missing or malformed id, a duplicate id or an issue
 * without terms is refused with the file and line. SnakeYAML's node API keeps the lines.
 */
public record Codebook(List<Issue> issues) {

    /** One issue: the phrases that name it, and those that name the opposite position. */
    public record Issue(String id, String label, String description, List<String> terms, List<String> contraryTerms,
                        int line) {}

    private static final Pattern ID = Pattern.compile("[a-z0-9-]+");
    /** The keys a codebook may have (CONTRACT section 3): any other is a typo, refused with its line. */
    private static final List<String> TOP_KEYS = List.of("issues");
    private static final List<String> ISSUE_KEYS = List.of("id", "label", "description", "terms", "contrary_terms");

    public Codebook {
        issues = List.copyOf(issues);
    }

    public static Codebook read(Path file) throws CodebookException {
        try {
            return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CodebookException(file + ": cannot read: " + e.getMessage());
        }
    }

    /** The codebook that ships with the program: the example corpus's (used when none is given). */
    public static Codebook builtIn() {
        try (Reader r = new InputStreamReader(Codebook.class.getResourceAsStream("default-codebook.yml"), StandardCharsets.UTF_8)) {
            return parse("built-in codebook", r);
        } catch (IOException | CodebookException e) {
            throw new IllegalStateException("the built-in codebook is broken", e);
        }
    }

    /** Reads a codebook from its YAML text; name says where it came from, in messages. */
    public static Codebook parse(String name, String yaml) throws CodebookException {
        // a UTF-8 byte-order mark (as some editors save) is not part of the YAML
        return parse(name, new StringReader(yaml.startsWith("\uFEFF") ? yaml.substring(1) : yaml));
    }

    /** Identifies what decides stances: the issues, their terms and contrary terms (labels do not count). */
    public String fingerprint() {
        StringBuilder sb = new StringBuilder();
        for (Issue i : issues) {
            sb.append(i.id()).append('\u0000').append(String.join("\u0001", i.terms())).append('\u0000')
                    .append(String.join("\u0001", i.contraryTerms())).append('\u0002');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JVM has SHA-256
        }
    }

    /** The issue with this id, if the codebook has it. */
    public Optional<Issue> issue(String id) {
        return issues.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    static Codebook parse(String name, Reader reader) throws CodebookException {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(reader);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
            throw new CodebookException(name + ":" + line + ": not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new CodebookException(name + ": not valid YAML: " + e.getMessage());
        }
        if (!(root instanceof MappingNode top)) {
            throw new CodebookException(name + ":1: a codebook is a mapping with a list under 'issues'");
        }
        knownKeys(name, top, TOP_KEYS);
        Node list = value(top, "issues");
        if (!(list instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            throw new CodebookException(name + ":" + line(list != null ? list : top) + ": 'issues' must be a non-empty list");
        }
        List<Issue> issues = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Node n : seq.getValue()) {
            int line = line(n);
            if (!(n instanceof MappingNode m)) {
                throw new CodebookException(name + ":" + line + ": each issue is a mapping (id, label, terms…)");
            }
            knownKeys(name, m, ISSUE_KEYS);
            String id = scalar(m, "id");
            if (id == null || !ID.matcher(id).matches()) {
                throw new CodebookException(name + ":" + line + ": the issue's id must match [a-z0-9-]+ (got "
                        + (id == null ? "none" : "'" + id + "'") + ")");
            }
            Integer first = seen.putIfAbsent(id, line);
            if (first != null) {
                throw new CodebookException(name + ":" + line + ": duplicate issue id '" + id + "' (first on line " + first + ")");
            }
            List<String> terms = strings(name, m, "terms");
            if (terms.isEmpty()) {
                throw new CodebookException(name + ":" + line + ": issue '" + id + "' has no terms");
            }
            String label = scalar(m, "label");
            issues.add(new Issue(id, label != null ? label : id, scalar(m, "description"), terms,
                    strings(name, m, "contrary_terms"), line));
        }
        return new Codebook(issues);
    }

    private static void knownKeys(String name, MappingNode m, List<String> known) throws CodebookException {
        for (NodeTuple t : m.getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : null;
            if (key == null || !known.contains(key)) {
                throw new CodebookException(name + ":" + line(t.getKeyNode()) + ": unknown key "
                        + (key == null ? "(not a name)" : "'" + key + "'") + "; the keys are " + String.join(", ", known));
            }
        }
    }

    private static Node value(MappingNode m, String key) {
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return t.getValueNode();
            }
        }
        return null;
    }

    private static String scalar(MappingNode m, String key) {
        Node v = value(m, key);
        return v instanceof ScalarNode s && !s.getValue().isBlank() ? s.getValue().strip() : null;
    }

    private static List<String> strings(String name, MappingNode m, String key) throws CodebookException {
        Node v = value(m, key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof SequenceNode seq)) {
            throw new CodebookException(name + ":" + line(v) + ": '" + key + "' must be a list of phrases");
        }
        List<String> out = new ArrayList<>();
        for (Node item : seq.getValue()) {
            if (!(item instanceof ScalarNode s) || s.getValue().isBlank()) {
                throw new CodebookException(name + ":" + line(item) + ": each of '" + key + "' must be a phrase");
            }
            out.add(s.getValue().strip());
        }
        return out;
    }

    private static int line(Node n) {
        return n.getStartMark() != null ? n.getStartMark().getLine() + 1 : 0;
    }
}
