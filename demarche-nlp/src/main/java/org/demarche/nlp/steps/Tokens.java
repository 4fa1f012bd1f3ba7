package org.demarche.nlp.steps;

import edu.stanford.nlp.ling.CoreLabel;
import java.util.List;
import java.util.Locale;

/** Small tests on CoreNLP tokens and text the steps share. */
final class Tokens {

    private Tokens() {}

    static boolean isVerb(CoreLabel t) {
        return t.tag() != null && t.tag().startsWith("VB");
    }

    static boolean isFinite(CoreLabel t) {
        return "VBD".equals(t.tag()) || "VBZ".equals(t.tag()) || "VBP".equals(t.tag());
    }

    /** A verb that can carry a clause: finite or modal ("said", "says", "would"). */
    static boolean isPredicate(CoreLabel t) {
        return isFinite(t) || "MD".equals(t.tag());
    }

    /** A dash as the tokenizer gives it ("—", "–", "--"). */
    static boolean isDash(String word) {
        return word.equals("—") || word.equals("–") || word.equals("--");
    }

    static String lemma(CoreLabel t) {
        return t.lemma() == null ? t.word().toLowerCase(Locale.ROOT) : t.lemma().toLowerCase(Locale.ROOT);
    }

    /** "the solution proposed by the envoy": a participle with no auxiliary reports no one's speech here. */
    static boolean bareParticiple(List<CoreLabel> toks, CoreLabel t) {
        if (!"VBN".equals(t.tag()) || t.index() < 2) {
            return false;
        }
        int b = t.index() - 2;
        while (b > 0 && toks.get(b).tag() != null && toks.get(b).tag().startsWith("RB")
                && !toks.get(b).word().equalsIgnoreCase("not")) {
            b--; // "has repeatedly accused", "had also said": the auxiliary before the adverbs
        }
        String before = lemma(toks.get(b));
        return !before.equals("have") && !before.equals("be") && !before.equals("not");
    }

    static String stripPossessive(String s) {
        return s.replaceAll("['’]s?$", "").strip();
    }

    static int wordCount(String s) {
        String t = s.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }
}
