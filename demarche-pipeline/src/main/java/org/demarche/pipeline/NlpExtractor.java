package org.demarche.pipeline;

import java.time.Duration;
import java.util.Map;
import org.demarche.model.Document;
import org.demarche.model.Extraction;
import org.demarche.nlp.CoreNlp;
import org.demarche.nlp.DocumentExtractor;

/** The extraction stage (CoreNLP-based) as the pipeline runs it. */
public final class NlpExtractor implements IngestRunner.Extractor {

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
