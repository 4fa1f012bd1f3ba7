package org.demarche.nlp;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Keys under which surface forms of one name meet: case, diacritics (Koštunica/Kostunica),
 * common transliteration variants (Sergei/Sergey, Alexei/Aleksey), middle initials
 * (Sergey V. Lavrov), honorifics (Mr., Dr., H.E.) and hyphenation (K-For/KFOR) folded.
 * Hand-written: the variants are those of romanised Slavic and Arabic names in English news,
 * which no phonetic library in Maven Central targets (Metaphone splits Sergei from Sergey).
 */
public final class NameKeys {

    /** English lists (resources en/): names are compared across documents, whatever their language. */
    private static final Lexicon WORDS = Lexicon.forLanguage("en");
    private static final Set<String> HONORIFICS = WORDS.words("name-honorifics");

    private NameKeys() {}

    /** Folds case, diacritics and punctuation: "Koštunica" and "KOSTUNICA" meet. */
    public static String fold(String s) {
        String t = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        t = t.replace('’', '\'').toLowerCase(Locale.ROOT);
        t = t.replaceAll("['`]s\\b", "").replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        return t;
    }

    /** The tokens of a person's name without honorifics and initials, each transliteration-folded. */
    public static List<String> personTokens(String name) {
        List<String> out = new ArrayList<>();
        String folded = fold(name);
        for (String h : HONORIFICS) {
            if (folded.startsWith(h + " ")) {
                folded = folded.substring(h.length() + 1);
            }
        }
        for (String tok : folded.split(" ")) {
            if (tok.length() > 1 && !HONORIFICS.contains(tok) && !(GENERATIONS.contains(tok) && !out.isEmpty())) {
                out.add(translit(tok));
            }
        }
        return out;
    }

    /** "Jr.", "III": a generation, not a surname ("John Smith III" is a Smith). */
    private static final Set<String> GENERATIONS = WORDS.words("generations");
    /** "Inc.", "Corp.", "Company": a company's legal form, not part of the name it goes by. */
    private static final Set<String> LEGAL_FORMS = WORDS.words("legal-forms");

    /** Whether an organisation's name ends with a legal form ("ABX Harbour Logistics Inc."). */
    public static boolean hasLegalForm(String name) {
        String[] w = fold(name).split(" ");
        return w.length >= 2 && LEGAL_FORMS.contains(w[w.length - 1]);
    }

    /**
     * Two full names of the same family name that can be one person: first names equal or one a short form
     * of the other ("Fred" and "Frederick"), and middle names, where both give one, equal.
     */
    public static boolean compatibleFullNames(List<String> a, List<String> b) {
        if (a.size() < 2 || b.size() < 2 || !a.get(a.size() - 1).equals(b.get(b.size() - 1))) {
            return false;
        }
        String fa = a.get(0);
        String fb = b.get(0);
        boolean first = fa.equals(fb) || fa.length() >= 3 && fb.startsWith(fa) || fb.length() >= 3 && fa.startsWith(fb);
        if (!first) {
            return false;
        }
        List<String> ma = a.subList(1, a.size() - 1);
        List<String> mb = b.subList(1, b.size() - 1);
        return ma.isEmpty() || mb.isEmpty() || ma.equals(mb);
    }

    private static final java.util.regex.Pattern HONORIFIC_PREFIX = java.util.regex.Pattern.compile(
            "^(?:(?:H\\.\\s?E\\.|Mr\\.?|Mrs\\.?|Ms\\.?|Dr\\.?|Prof\\.?|Sir|His Excellency|Her Excellency)\\s+)+");

    /** A person's name as shown: "H.E. Alexander Botsan-Kharchenko" is shown without "H.E.". */
    public static String withoutHonorifics(String name) {
        String s = HONORIFIC_PREFIX.matcher(name.strip()).replaceFirst("");
        return s.isBlank() ? name.strip() : s;
    }

    /** "Sergey V. Lavrov", "Sergei Lavrov" and "Mr. Sergei Lavrov" share the key "sergei lavrov". */
    public static String personKey(String name) {
        return String.join(" ", personTokens(name));
    }

    /** The family name's key: the last token ("lavrov"). */
    public static String surnameKey(String name) {
        List<String> t = personTokens(name);
        return t.isEmpty() ? "" : t.get(t.size() - 1);
    }

    /** Organisation names: spacing and hyphens go too, so "K-For" meets "KFOR". */
    public static String orgKey(String name) {
        String f = fold(name);
        if (f.startsWith("the ")) {
            f = f.substring(4);
        }
        int last = f.lastIndexOf(' ');
        if (last > 0 && LEGAL_FORMS.contains(f.substring(last + 1))) {
            f = f.substring(0, last); // "Acme Widgets Corp." and "Acme Widgets" are one
        }
        return f.replace(" ", "");
    }

    /** Initials of the capitalised words: "United Nations Mission in Kosovo" gives "UNMIK" candidates. */
    public static String initials(String name) {
        StringBuilder sb = new StringBuilder();
        for (String w : name.split("[\\s-]+")) {
            if (!w.isEmpty() && Character.isUpperCase(w.charAt(0))) {
                sb.append(w.charAt(0));
            }
        }
        return sb.toString();
    }

    /** Romanisation variants folded onto one spelling (applied to folded tokens). */
    public static String translit(String t) {
        String s = t;
        s = s.replace("x", "ks").replace("kh", "h").replace("zh", "j").replace("dzh", "j").replace("yu", "iu")
                .replace("ya", "ia").replace("yo", "io").replace("ye", "ie").replace("ii", "i");
        s = s.replaceAll("ey$", "ei").replaceAll("iy$", "i").replaceAll("yy$", "i").replaceAll("y$", "i");
        s = s.replace("y", "i").replace("w", "v").replace("ph", "f").replace("ck", "k");
        s = s.replaceAll("(.)\\1", "$1"); // double letters: Mohammed/Mohamed
        return s;
    }
}
