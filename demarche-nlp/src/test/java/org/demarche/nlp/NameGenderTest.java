package org.demarche.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The gender a name says, read from CoreNLP's list in the models jar. */
class NameGenderTest {

    @Test
    void firstNamesAndHonorificsSayTheGenderAndUnisexNamesDoNot() {
        assertEquals(Optional.of(true), NameGender.female("Maria Okafor"));
        assertEquals(Optional.of(false), NameGender.female("Tom Brandt"));
        assertEquals(Optional.of(false), NameGender.female("Mr. Keller"));
        assertEquals(Optional.of(true), NameGender.female("Ms. Keller"));
        assertEquals(Optional.empty(), NameGender.female("Ashley Keller"), "listed with both genders");
        assertEquals(Optional.empty(), NameGender.female("Keller"), "a surname alone says nothing");
    }
}
