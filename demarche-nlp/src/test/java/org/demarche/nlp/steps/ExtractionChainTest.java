package org.demarche.nlp.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.demarche.model.DocumentMetadata;
import org.demarche.model.Extraction;
import org.demarche.nlp.CoreNlp;
import org.demarche.nlp.DocumentExtractor;
import org.junit.jupiter.api.Test;

/** The chain refuses steps whose inputs nothing before them makes, and times each step it runs. */
class ExtractionChainTest {

    @Test
    void aStepWhoseInputNoEarlierStepAddsIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ExtractionChain.builder().then(new Mentions()).build());
        assertEquals("extraction step mentions requires TOKENS, which no step before it adds (before it: none)",
                e.getMessage());

        // the speech parse before the mentions it reads
        e = assertThrows(IllegalStateException.class, () -> ExtractionChain.builder().then(new Annotate(null))
                .then(new SpeechParse(null)).then(new Mentions()).build());
        assertTrue(e.getMessage().contains("speech-parse requires ACTORS"), e.getMessage());
    }

    @Test
    void sentenceStepsNeedSentencesAndWhatEarlierSentencesLeave() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ExtractionChain.builder().eachSentence(new NarrativeDate()).build());
        assertTrue(e.getMessage().contains("need the document's sentences"), e.getMessage());

        // quotations attributed to "he" need the salient person, which no step of the loop keeps
        e = assertThrows(IllegalStateException.class, () -> ExtractionChain.builder().then(new Annotate(null))
                .then(new Mentions()).eachSentence(new NarrativeDate(), new QuotesAttributed(), new Roles()).build());
        assertTrue(e.getMessage().contains("quote-attribution reads SALIENCE as earlier sentences left it"),
                e.getMessage());
    }

    @Test
    void theExtractorTimesEachStep() {
        DocumentExtractor extractor = new DocumentExtractor(CoreNlp.get());
        String text = """
                The harbour board met on Monday to vote on the new ferry timetable.

                \u201cWe cannot run boats at night without more crews,\u201d said Ingrid Solberg, who chairs the board.
                She said the board would ask the council for money next year.
                """;
        DocumentMetadata meta = new DocumentMetadata(null, null, "2031-03-04", null, null, null, null, null, null, null);
        Extraction x = extractor.extract(text, meta);
        assertTrue(x.statements().stream().anyMatch(s -> s.text().startsWith("We cannot run boats")), x.toString());

        Map<String, Duration> times = extractor.stepTimes();
        assertEquals(List.of("annotate", "mentions", "manifest-speaker", "speech-parse", "story-date",
                "quote-attribution", "speech-verbs", "quote-embedded", "reported-word-order", "roles", "events",
                "salience", "quote-continued", "interview-turns", "speaker-text", "tidy"), List.copyOf(times.keySet()));
        assertTrue(times.get("annotate").toNanos() > 0);
        assertTrue(times.get("speech-parse").toNanos() > 0, "a sentence with \"said\" is parsed");
        assertTrue(times.get("quote-attribution").toNanos() > 0);
        Duration before = times.get("annotate");
        extractor.extract(text, meta);
        assertTrue(extractor.stepTimes().get("annotate").compareTo(before) > 0, "times add up over documents");
    }
}
