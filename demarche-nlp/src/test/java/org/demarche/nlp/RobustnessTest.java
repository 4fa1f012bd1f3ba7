package org.demarche.nlp;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.demarche.ingest.Corpora;
import org.demarche.model.DocumentMetadata;
import org.demarche.model.Extraction;
import org.junit.jupiter.api.Test;

/** Text that breaks naive extractors: it must come back with what can be found, never an exception. */
class RobustnessTest {

    private final DocumentExtractor extractor = new DocumentExtractor(CoreNlp.get());

    @Test
    void aFiftyThousandCharacterSentence() throws Exception {
        String speech = Files.readString(Corpora.ungdc().resolve("Session 63 - 2008/RUS_63_2008.txt"));
        String run = speech.replaceAll("[.!?;:]", ",").replaceAll("\\s+", " ");
        while (run.length() < 50_000) {
            run = run + " " + run;
        }
        run = run.substring(0, 50_000);
        String text = run;
        Extraction x = extractor.extract(text, DocumentMetadata.EMPTY);
        assertNotNull(x);
        assertTrue(x.statements().stream().allMatch(s -> text.substring(s.start(), s.end()).equals(s.text())));
    }

    @Test
    void unbalancedQuotesEverywhere() {
        String text = "Lavrov said, \"this will \"never\" be accepted.\n\n\"\"\" \" \"\n\nHe added \" that the "
                + "mission is illegal.\n\n“Open and “never closed.\n\nClosed” only” here.";
        Extraction x = extractor.extract(text, DocumentMetadata.EMPTY);
        assertTrue(x.statements().stream().allMatch(s -> text.substring(s.start(), s.end()).equals(s.text())));
    }

    @Test
    void nonEnglishTextAndNoSentences() {
        String russian = "Министр иностранных дел России Сергей Лавров заявил, что провозглашение независимости "
                + "Косово нарушает резолюцию 1244 Совета Безопасности ООН.";
        assertNotNull(extractor.extract(russian, DocumentMetadata.EMPTY));
        assertNotNull(extractor.extract("", DocumentMetadata.EMPTY));
        assertNotNull(extractor.extract("... --- ... ,,, ;;; !!!", DocumentMetadata.EMPTY));
    }
}
