package org.demarche.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import org.demarche.ingest.Corpora;
import org.junit.jupiter.api.Test;

/** Quotation marks as the seeds use them: straight, curly, nested, across paragraphs, unbalanced. */
class QuoteFinderTest {

    private static List<String> quotes(String text) {
        return QuoteFinder.find(text).stream().map(q -> q.text(text)).toList();
    }

    @Test
    void nestedSingleQuotesStayInsideTheirQuote() throws Exception {
        String text = Files.readString(Corpora.seed("002"));
        List<String> q = quotes(text);
        assertTrue(q.contains("This will only lead to yet another 'frozen conflict' and will push the prospects for "
                + "stabilizing Europe _ and first of all for stabilizing the Balkans _ far to the side,"), q.toString());
        assertTrue(q.contains("the rest of Serbia."));
    }

    @Test
    void curlyQuotesAndApostrophes() throws Exception {
        String text = Files.readString(Corpora.seed("003"));
        List<String> q = quotes(text);
        assertTrue(q.contains("Things cannot be like that. It’s an indecent offer."), q.toString());
        assertTrue(q.contains("I’m not going to start the Third World War for you."));
    }

    @Test
    void twoApostrophesAreOneDoubleMark() {
        String text = "''We called it the 'long night' then,'' Ms. Alvarez added. ''They said, 'Go home,''' she said.";
        List<String> q = QuoteFinder.find(text).stream().map(x -> x.text(text)).toList();
        assertEquals(List.of("We called it the 'long night' then,", "They said, 'Go home,'"), q);
    }

    @Test
    void aQuoteRunsOnWhenTheNextParagraphReopensIt() {
        String text = "He said: \"We will not accept this.\n\n\"Nor will we accept anything like it,\" he added.";
        List<QuoteFinder.Quote> q = QuoteFinder.find(text);
        assertEquals(2, q.size());
        assertEquals("We will not accept this.", q.get(0).text(text));
        assertTrue(q.get(1).continued());
    }

    @Test
    void anUnbalancedQuoteEndsWithItsParagraph() {
        String text = "Churkin said, \"the text is permeated with independence.\n\nThe vote was delayed.";
        List<QuoteFinder.Quote> q = QuoteFinder.find(text);
        assertEquals(1, q.size());
        assertEquals("the text is permeated with independence.", q.get(0).text(text));
        assertTrue(q.get(0).unbalanced());
    }

    @Test
    void singleQuotesAsOuterMarksWithoutEatingApostrophes() {
        String text = "'Neutral and impartial'\n\nNATO's spokesman said the Albanians' homes were safe.";
        assertEquals(List.of("Neutral and impartial"), quotes(text));
    }
}
