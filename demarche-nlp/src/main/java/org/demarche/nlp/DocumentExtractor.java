package org.demarche.nlp;

import java.time.Duration;
import java.util.Map;
import org.demarche.model.DocumentMetadata;
import org.demarche.model.Extraction;
import org.demarche.nlp.steps.Annotate;
import org.demarche.nlp.steps.ContinuedQuotes;
import org.demarche.nlp.steps.EmbeddedQuotes;
import org.demarche.nlp.steps.Events;
import org.demarche.nlp.steps.ExtractionChain;
import org.demarche.nlp.steps.InterviewTurns;
import org.demarche.nlp.steps.ManifestSpeaker;
import org.demarche.nlp.steps.Mentions;
import org.demarche.nlp.steps.NarrativeDate;
import org.demarche.nlp.steps.QuotesAttributed;
import org.demarche.nlp.steps.ReportedByWordOrder;
import org.demarche.nlp.steps.Roles;
import org.demarche.nlp.steps.Salience;
import org.demarche.nlp.steps.SpeakerText;
import org.demarche.nlp.steps.SpeechParse;
import org.demarche.nlp.steps.SpeechVerbs;
import org.demarche.nlp.steps.Tidy;

/**
 * The extraction stage for one document: who is named, who said what (quoted or reported),
 * in which role, when, and what happened. Built on CoreNLP's tokens, entities, SUTime dates
 * and (for speech sentences only) dependency parses; the attribution rules are this
 * project's, written for news, interviews and speeches of any topic. The work is a chain of
 * steps (package {@code org.demarche.nlp.steps}), composed here in the order they run.
 */
public final class DocumentExtractor {

    private final ExtractionChain chain;

    public DocumentExtractor(CoreNlp nlp) {
        this.chain = ExtractionChain.builder()
                .then(new Annotate(nlp))
                .then(new Mentions())
                .then(new ManifestSpeaker())
                .then(new SpeechParse(nlp))
                // sentence by sentence: a sentence's speakers, date and titles are what the next one's "he" and
                // "the senator" and undated statements take
                .eachSentence(new NarrativeDate(), new QuotesAttributed(), new SpeechVerbs(), new EmbeddedQuotes(),
                        new ReportedByWordOrder(), new Roles(), new Events(), new Salience())
                .then(new ContinuedQuotes())
                .then(new InterviewTurns())
                .then(new SpeakerText())
                .then(new Tidy())
                .build();
    }

    public Extraction extract(String text, DocumentMetadata meta) {
        return chain.run(text, meta);
    }

    /** Time spent in each step so far (all documents and threads), in the order the steps run. */
    public Map<String, Duration> stepTimes() {
        return chain.stepTimes();
    }
}
