package org.demarche.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.DependencyParseAnnotator;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;
import java.util.List;
import java.util.Properties;

/**
 * Stanford CoreNLP, loaded once per process and shared by every worker thread. The cheap
 * annotators (tokenize, ssplit, pos, lemma, ner with SUTime) run on every sentence; the
 * dependency parser only on the sentences the caller picks (those where speech can be).
 * Coreference is not run: speakers are resolved by subject salience, at a fraction of its cost.
 */
public final class CoreNlp {

    private static volatile CoreNlp shared;

    private final StanfordCoreNLP base;
    private final DependencyParseAnnotator parser;

    private CoreNlp() {
        Properties p = new Properties();
        p.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner");
        p.setProperty("ssplit.newlineIsSentenceBreak", "two");
        p.setProperty("tokenize.options", "untokenizable=noneDelete,invertible=false");
        // a "sentence" of thousands of tokens (a list, a table, text with no punctuation) is skipped, not
        // tagged for minutes: nothing in it can be attributed anyway
        p.setProperty("pos.maxlen", "500");
        p.setProperty("ner.maxlen", "500");
        p.setProperty("ner.applyNumericClassifiers", "true");
        p.setProperty("ner.useSUTime", "true");
        base = new StanfordCoreNLP(p);
        Properties d = new Properties();
        d.setProperty("depparse.maxlen", "150");
        parser = new DependencyParseAnnotator(d);
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

    /** Tokens, sentences, parts of speech, lemmas and named entities; dates resolved against docDate (yyyy-MM-dd, or null). */
    public CoreDocument annotate(String text, String docDate) {
        CoreDocument doc = new CoreDocument(text);
        if (docDate != null) {
            doc.annotation().set(CoreAnnotations.DocDateAnnotation.class, docDate);
        }
        base.annotate(doc);
        return doc;
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
