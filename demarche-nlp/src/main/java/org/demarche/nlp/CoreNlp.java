package org.demarche.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.DependencyParseAnnotator;
import edu.stanford.nlp.pipeline.NERCombinerAnnotator;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.Properties;

/**
 * Stanford CoreNLP, loaded once per process and shared by every worker thread. The cheap
 * annotators (tokenize, ssplit, pos, lemma, ner) run on every sentence, SUTime only where a date can be; the
 * dependency parser only on the sentences the caller picks (those where speech can be).
 * Coreference is not run: speakers are resolved by subject salience, at a fraction of its cost.
 */
public final class CoreNlp {

    private static volatile CoreNlp shared;

    private static final String GAZETTEERS = "edu/stanford/nlp/models/kbp/english/gazetteers/";
    private static final String FINE_CASELESS = GAZETTEERS + "regexner_caseless.tab";
    private static final String FINE_CASED = GAZETTEERS + "regexner_cased.tab";

    /**
     * Words that make a date SUTime can resolve to a day or a month (besides digits): extraction dates
     * statements and stories by those ("on Tuesday", "last month", "in June"). Words of time in general
     * ("time", "years", "now", "future") are everywhere in speeches and give no such date.
     */
    private static final Set<String> DATE_WORDS = Lexicon.forLanguage("en").words("date-words");
    /** Written with a capital, as English writes them: "may" and "march" are verbs. */
    private static final Set<String> CALENDAR = Set.copyOf(Lexicon.forLanguage("en").entries("calendar-words"));
    /** A year (1000-2199, also in "1990s" or "2008-02-17") or a day written with numbers ("17/02/2008"). */
    private static final Pattern YEAR_OR_DAY = Pattern.compile("(?<!\\d)(1\\d|20|21)\\d\\d(?!\\d)|\\d{1,2}[/.-]\\d{1,2}");
    /** A period named relative to now ("last week", "earlier this year", "the coming months"). */
    private static final Set<String> RELATIVE = Lexicon.forLanguage("en").words("relative-period-words");
    private static final Set<String> PERIODS = Lexicon.forLanguage("en").words("periods");
    private static final String[] FINE_MAPPING = {FineGazetteer.path(FINE_CASELESS), FineGazetteer.path(FINE_CASED),
        FineGazetteer.statesPath()};

    private final StanfordCoreNLP base;
    private final NERCombinerAnnotator nerWithTime;
    private final NERCombinerAnnotator nerNoTime;
    private final DependencyParseAnnotator parser;

    private CoreNlp() {
        Properties p = new Properties();
        p.setProperty("annotators", "tokenize,ssplit,pos,lemma");
        p.setProperty("ssplit.newlineIsSentenceBreak", "two");
        p.setProperty("tokenize.options", "untokenizable=noneDelete,invertible=false");
        // a "sentence" of thousands of tokens (a list, a table, text with no punctuation) is skipped, not
        // tagged for minutes: nothing in it can be attributed anyway
        p.setProperty("pos.maxlen", "500");
        base = new StanfordCoreNLP(p);
        try {
            nerWithTime = new NERCombinerAnnotator(nerProperties(true));
            nerNoTime = new NERCombinerAnnotator(nerProperties(false));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the NER models", e);
        }
        Properties d = new Properties();
        d.setProperty("depparse.maxlen", "150");
        parser = new DependencyParseAnnotator(d);
    }

    private static Properties nerProperties(boolean time) {
        Properties p = new Properties();
        p.setProperty("ner.maxlen", "500");
        // one CRF model (person, location, organisation) rather than the default three: dates, money and
        // numbers come from the numeric classifiers, and the other two models' classes are not read here
        p.setProperty("ner.model", "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz");
        p.setProperty("ner.applyNumericClassifiers", Boolean.toString(time));
        p.setProperty("ner.useSUTime", Boolean.toString(time));
        // The fine-grained pass (COUNTRY, NATIONALITY, TITLE...) with CoreNLP's whole gazetteer took 60% of
        // extraction time, mostly matching its 536,000 city names; a city read as LOCATION is treated the same
        // here, so the pass runs with the entries of the types extraction reads.
        p.setProperty("ner.fine.regexner.mapping", "ignorecase=true,validpospattern=(NN|JJ|ADD).*,"
                + FINE_MAPPING[0] + ";" + FINE_MAPPING[1] + ";" + FINE_MAPPING[2]);
        return p;
    }

    /** The process-wide instance (the models load on first use: about 15 s). */
    public static CoreNlp get() {
        CoreNlp c = shared;
        if (c == null) {
            synchronized (CoreNlp.class) {
                c = shared;
                if (c == null) {
                    c = new CoreNlp();
                    shared = c;
                }
            }
        }
        return c;
    }

    /**
     * Tokens, sentences, parts of speech, lemmas and named entities; dates resolved against docDate
     * (yyyy-MM-dd, or null). SUTime and the numeric classifiers were a third of extraction time: they run
     * only on sentences with a year, a month or a day, named or written in numbers ("last week", "in June",
     * "1999"): where extraction can use a date.
     */
    public CoreDocument annotate(String text, String docDate) {
        CoreDocument doc = new CoreDocument(text);
        Annotation all = doc.annotation();
        if (docDate != null) {
            all.set(CoreAnnotations.DocDateAnnotation.class, docDate);
        }
        base.annotate(all);
        List<CoreMap> timed = new ArrayList<>();
        List<CoreMap> untimed = new ArrayList<>();
        for (CoreMap s : all.get(CoreAnnotations.SentencesAnnotation.class)) {
            (mayHoldTime(s) ? timed : untimed).add(s);
        }
        tag(nerWithTime, text, timed, docDate);
        tag(nerNoTime, text, untimed, docDate);
        List<CoreMap> mentions = new ArrayList<>();
        for (CoreMap s : all.get(CoreAnnotations.SentencesAnnotation.class)) {
            List<CoreMap> m = s.get(CoreAnnotations.MentionsAnnotation.class);
            if (m != null) {
                mentions.addAll(m);
            }
        }
        all.set(CoreAnnotations.MentionsAnnotation.class, mentions);
        doc.wrapAnnotations();
        return doc;
    }

    private static void tag(NERCombinerAnnotator ner, String text, List<CoreMap> sentences, String docDate) {
        if (sentences.isEmpty()) {
            return;
        }
        Annotation some = new Annotation(text); // entity mentions take their text from it
        List<CoreLabel> tokens = new ArrayList<>();
        for (CoreMap s : sentences) {
            tokens.addAll(s.get(CoreAnnotations.TokensAnnotation.class));
        }
        some.set(CoreAnnotations.SentencesAnnotation.class, sentences);
        some.set(CoreAnnotations.TokensAnnotation.class, tokens);
        if (docDate != null) {
            some.set(CoreAnnotations.DocDateAnnotation.class, docDate);
        }
        ner.annotate(some);
    }

    static boolean mayHoldTime(CoreMap sentence) {
        String before = "";
        boolean first = true;
        for (CoreLabel t : sentence.get(CoreAnnotations.TokensAnnotation.class)) {
            String w = t.word();
            String lower = w.toLowerCase(Locale.ROOT);
            if (DATE_WORDS.contains(lower) || CALENDAR.contains(w) && !(first && w.equals("May"))
                    || PERIODS.contains(lower) && RELATIVE.contains(before)
                    || hasDigit(w) && YEAR_OR_DAY.matcher(w).find()) {
                return true;
            }
            before = lower;
            first = false;
        }
        return false;
    }

    private static boolean hasDigit(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (Character.isDigit(w.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Dependency parses for these sentences only. */
    public void parse(List<CoreMap> sentences) {
        if (sentences.isEmpty()) {
            return;
        }
        Annotation some = new Annotation("");
        some.set(CoreAnnotations.SentencesAnnotation.class, sentences);
        parser.annotate(some);
    }
}
