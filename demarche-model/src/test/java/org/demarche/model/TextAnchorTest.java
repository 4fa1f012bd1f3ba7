package org.demarche.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class TextAnchorTest {

    private static final String TEXT = "The minister said the plan was \"a good start\". Her rival said it was \"a good start\" too, "
            + "but only for the capital.";

    @Test
    void findsTheSameWordsAgainAfterTheTextChanged() {
        int second = TEXT.lastIndexOf("a good start");
        TextAnchor a = TextAnchor.of(TEXT, second, second + "a good start".length());
        assertEquals("a good start", a.exact());
        assertEquals(a, a.locate(TEXT), "unchanged text: the same place");
        String edited = "Updated: " + TEXT.replace("The minister", "The foreign minister");
        TextAnchor moved = a.locate(edited);
        assertEquals(edited.lastIndexOf("a good start"), moved.start(), "the second quotation, by its context");
        int first = TEXT.indexOf("a good start");
        TextAnchor early = TextAnchor.of(TEXT, first, first + 12).locate(edited);
        assertEquals(edited.indexOf("a good start"), early.start());
    }

    @Test
    void wordsThatAreGoneOrphanTheAnchor() {
        int at = TEXT.indexOf("the capital");
        TextAnchor a = TextAnchor.of(TEXT, at, at + "the capital".length());
        assertNull(a.locate(TEXT.replace("the capital", "the provinces")));
        assertNull(new TextAnchor("", "", "", 0, 0).locate(TEXT));
    }
}
