package org.demarche.nlp;

import java.time.Duration;
import java.util.Map;
import org.demarche.model.Document;
import org.demarche.model.Extraction;

/**
 * The extraction stage (CoreNLP-based) as an ingest or the Spark job runs it. It lives here, not in the
 * pipeline, so that the Spark executors run it without the workspace's libraries.
 */
public final class NlpExtractor implements Extractor {

    /** Bump when extraction changes what it finds: stored documents are redone on the next ingest. */
    public static final String VERSION = "nlp-5";

    private final DocumentExtractor extractor = new DocumentExtractor(CoreNlp.get());

    @Override
    public Extraction extract(Document document) {
        return extractor.extract(document.cleanText(), document.metadata());
    }

    /** Time spent in each extraction step so far, summed over documents and threads, in the order they run. */
    public Map<String, Duration> stepTimes() {
        return extractor.stepTimes();
    }

    @Override
    public String version() {
        return VERSION;
    }
}
