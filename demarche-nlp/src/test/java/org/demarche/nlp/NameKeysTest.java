package org.demarche.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The surface forms of real names in the seeds and the UNGDC manifest. */
class NameKeysTest {

    @Test
    void transliterationsInitialsAndHonorificsMeet() {
        String lavrov = NameKeys.personKey("Sergei Lavrov");
        assertEquals(lavrov, NameKeys.personKey("Sergey Lavrov"));
        assertEquals(lavrov, NameKeys.personKey("Sergey V. Lavrov"));
        assertEquals(lavrov, NameKeys.personKey("Mr. Sergei Lavrov"));
        assertEquals(NameKeys.personKey("Vojislav Koštunica"), NameKeys.personKey("Vojislav Kostunica"));
        assertEquals(NameKeys.personKey("Alexei Kudrin"), NameKeys.personKey("Aleksey Kudrin"));
        assertEquals("lavrov", NameKeys.surnameKey("Ambassador Lavrov"));
        assertEquals("Alexander Botsan-Kharchenko", NameKeys.withoutHonorifics("H.E. Alexander Botsan-Kharchenko"));
    }

    @Test
    void differentPeopleStayApart() {
        assertNotEquals(NameKeys.personKey("Igor Ivanov"), NameKeys.personKey("Sergei Ivanov"));
        assertNotEquals(NameKeys.personKey("George W. Bush"), NameKeys.personKey("Laura Bush"));
    }

    @Test
    void organisationSpellingsMeet() {
        assertEquals(NameKeys.orgKey("KFOR"), NameKeys.orgKey("K-For"));
        assertEquals("UN", NameKeys.initials("United Nations"));
        assertTrue(NameKeys.orgKey("the European Union").equals(NameKeys.orgKey("European Union")));
    }
}
