package org.demarche.nlp.steps;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.pipeline.CoreSentence;
import edu.stanford.nlp.semgraph.SemanticGraph;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** When a sentence, a speech verb or a date expression of the document is, as ISO 8601 with the precision the text gives. */
final class Dates {

    private static final Pattern TIMEX_DAY = Pattern.compile("^(\\d{4}|XXXX)-(\\d{2})(?:-(\\d{2}))?");
    private static final Pattern TIMEX_YEAR = Pattern.compile("^(\\d{4})$");
    private static final Pattern TIMEX_WEEK = Pattern.compile("^(\\d{4})-W(\\d{2})");

    private Dates() {}

    /** When the verb's act happened: a date attached to it ("declared on July 14"), else the story's current date. */
    static String dateOf(ExtractionContext c, int si, SemanticGraph g, IndexedWord verb) {
        for (Ent e : c.ents.get(si)) {
            if (!"date".equals(e.kind) || c.quoteAt(e.start) != null) {
                continue;
            }
            for (int t = e.firstTok; t <= e.lastTok; t++) {
                IndexedWord w = g.getNodeByIndexSafe(t);
                if (w != null && g.getParents(w).contains(verb)) {
                    String iso = isoDate(c, e.value);
                    if (iso != null && notAfterPublication(c, iso)) {
                        return iso;
                    }
                }
            }
        }
        return c.narrativeDate != null ? c.narrativeDate : c.published;
    }

    /** The date a sentence reports: its own date expression, else the story's current date, else publication. */
    static String dateOf(ExtractionContext c, int si) {
        for (Ent e : c.ents.get(si)) {
            if ("date".equals(e.kind) && c.quoteAt(e.start) == null) {
                String iso = isoDate(c, e.value);
                if (iso != null && notAfterPublication(c, iso)) {
                    return iso;
                }
            }
        }
        return c.narrativeDate != null ? c.narrativeDate : c.published;
    }

    static String dateAt(ExtractionContext c, int offset) {
        List<CoreSentence> sents = c.doc.sentences();
        for (int i = 0; i < sents.size(); i++) {
            if (sents.get(i).charOffsets().second() >= offset) {
                return dateOf(c, i);
            }
        }
        return c.published;
    }

    /** The last token (from 1) of a sentence's opening clause: "On July 18," "At the end of the conflict in June 1999,". */
    static int openingClauseEnd(ExtractionContext c, int si) {
        List<CoreLabel> toks = c.doc.sentences().get(si).tokens();
        for (int i = 0; i < toks.size() && i < 15; i++) {
            if (toks.get(i).word().equals(",")) {
                return Math.max(4, i);
            }
        }
        return 4;
    }

    static boolean notAfterPublication(ExtractionContext c, String iso) {
        return c.published == null || iso.compareTo(c.published) <= 0 || iso.startsWith(c.published)
                || c.published.startsWith(iso);
    }

    /**
     * SUTime's value; a date written without its year ("on June 12") takes the year the story is in —
     * the last date written with year and month ("in June 1999") — rather than the publication's.
     */
    static String timex(ExtractionContext c, Ent e) {
        String v = e.m.coreMap().get(CoreAnnotations.NormalizedNamedEntityTagAnnotation.class);
        if (v == null) {
            return "";
        }
        boolean yearWritten = e.text().matches("(?s).*\\b\\d{4}\\b.*");
        if (yearWritten && v.matches("^\\d{4}-\\d{2}.*") && c.quoteAt(e.start) == null) {
            c.storyYear = v.substring(0, 4);
        } else if (!yearWritten && c.storyYear != null && v.matches("^\\d{4}-\\d{2}.*")
                && !c.relativeDateWords.matcher(e.text()).matches()) {
            v = c.storyYear + v.substring(4);
        }
        return v;
    }

    /** SUTime's value as ISO 8601 with the precision the text supports, or null. */
    static String isoDate(ExtractionContext c, String timex) {
        Matcher w = TIMEX_WEEK.matcher(timex);
        if (w.find()) {
            java.time.LocalDate monday = java.time.LocalDate.of(Integer.parseInt(w.group(1)), 1, 4)
                    .with(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR, Integer.parseInt(w.group(2)))
                    .with(java.time.DayOfWeek.MONDAY);
            return monday.toString().substring(0, 7);
        }
        Matcher d = TIMEX_DAY.matcher(timex);
        if (d.find()) {
            String year = d.group(1);
            if (year.equals("XXXX")) {
                if (c.published == null) {
                    return null;
                }
                year = c.published.substring(0, 4);
            }
            if (Integer.parseInt(year) < 1800) {
                return null;
            }
            return year + "-" + d.group(2) + (d.group(3) != null ? "-" + d.group(3) : "");
        }
        Matcher y = TIMEX_YEAR.matcher(timex);
        if (y.find()) {
            int year = Integer.parseInt(y.group(1));
            return year >= 1800 && year <= 2100 ? y.group(1) : null;
        }
        return null;
    }
}
