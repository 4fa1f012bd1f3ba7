package org.demarche.nlp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a person's name is a man's or a woman's, so that "she" does not go to Tom and "he" not to Maria. The
 * first names and their gender are CoreNLP's own list (namegender.combine.txt in the English models jar, GPL
 * like CoreNLP); honorifics ("Mr.", "Mrs.", "Ms.") decide first. Unknown names, and names the list gives both
 * genders ("Ashley", "Kelly"), are neither.
 */
public final class NameGender {

    private static final String LIST = "edu/stanford/nlp/models/dcoref/namegender.combine.txt";
    private static volatile Map<String, Boolean> female;

    private NameGender() {}

    /** True for a woman's name, false for a man's, empty when the name does not say. */
    public static Optional<Boolean> female(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String[] words = name.strip().split("\\s+");
        String first = words[0].replace(".", "").toLowerCase(Locale.ROOT);
        switch (first) {
            case "mr", "sir", "lord" -> {
                return Optional.of(false);
            }
            case "mrs", "ms", "miss", "madam", "lady", "dame" -> {
                return Optional.of(true);
            }
            default -> {
            }
        }
        return words.length < 2 ? Optional.empty() : Optional.ofNullable(list().get(first));
    }

    private static Map<String, Boolean> list() {
        Map<String, Boolean> m = female;
        if (m == null) {
            synchronized (NameGender.class) {
                m = female;
                if (m == null) {
                    m = read();
                    female = m;
                }
            }
        }
        return m;
    }

    private static Map<String, Boolean> read() {
        Map<String, Boolean> m = new HashMap<>();
        InputStream in = NameGender.class.getClassLoader().getResourceAsStream(LIST);
        if (in == null) {
            return m; // models without the list: no name says its gender
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                String[] f = line.split("\t");
                if (f.length == 2 && (f[1].equals("MALE") || f[1].equals("FEMALE"))) {
                    m.merge(f[0].toLowerCase(Locale.ROOT), f[1].equals("FEMALE"), (a, b) -> a.equals(b) ? a : null);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(LIST, e);
        }
        return m;
    }
}
