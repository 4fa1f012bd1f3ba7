package org.demarche.stance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import org.demarche.model.Polarity;
import org.demarche.model.RecordId;
import org.demarche.model.Statement;
import org.demarche.stance.StanceDetector.Finding;
import org.junit.jupiter.api.Test;

/** Stance decisions on sentences taken from real statements (the seeds and UN General Debate speeches). */
class StanceDetectorTest {

    private static final String CODEBOOK = """
            issues:
              - id: kosovo-independence
                terms: [independence of Kosovo, Kosovo's independence, declaration of independence, recognition of Kosovo, recognize Kosovo, independent Kosovo]
                contrary_terms: [territorial integrity of Serbia, integral part of Serbia, Kosovo and Metohija]
              - id: kosovo-partition
                terms: [partition]
            """;

    private final StanceDetector detector;

    StanceDetectorTest() throws Exception {
        detector = new StanceDetector(Codebook.parse("test.yml", new StringReader(CODEBOOK)));
    }

    private Finding only(String text, String issue) {
        List<Finding> found = detector.detect(text, Statement.at(RecordId.statement(1), null, 0, text.length(), null, null));
        List<Finding> onIssue = found.stream().filter(f -> f.issue().equals(issue)).toList();
        assertEquals(1, onIssue.size(), () -> "findings: " + found);
        return onIssue.get(0);
    }

    private void expect(Polarity p, String text, String issue) {
        Finding f = only(text, issue);
        assertEquals(p, f.polarity(), () -> text + " -> " + f);
    }

    @Test
    void evaluativeWordsDecide() {
        expect(Polarity.OPPOSE, "Proceeding from the firm position that the independence of Kosovo is unacceptable to Serbia, we "
                + "have offered special rights.", "kosovo-independence");
        expect(Polarity.SUPPORT, "We are committed to an independent Kosovo and we will get there one way or another.",
                "kosovo-independence");
        expect(Polarity.SUPPORT, "The independence of Kosovo was in conformity with the international law.", "kosovo-independence");
    }

    @Test
    void negationAndModality() {
        expect(Polarity.OPPOSE, "We all know that we do not recognize the unilateral declaration of independence of so-called Kosovo.",
                "kosovo-independence");
        expect(Polarity.OPPOSE, "Partition is not a solution, and it’s simply not possible.", "kosovo-partition");
        expect(Polarity.OPPOSE, "A vast majority of Member States refrained from recognizing Kosovo’s unilateral declaration of "
                + "independence.", "kosovo-independence");
        // two negations cancel
        expect(Polarity.SUPPORT, "We will not refrain from recognizing the independence of Kosovo.", "kosovo-independence");
        expect(Polarity.SUPPORT, "Europe should not shy away from supporting an independent Kosovo.", "kosovo-independence");
        // but not two negations apart, or one on each side of the mention
        expect(Polarity.OPPOSE, "If the talks do not resume, we will refuse to recognize the independence of Kosovo.",
                "kosovo-independence");
        expect(Polarity.OPPOSE, "We will not recognize Kosovo's independence without a referendum.", "kosovo-independence");
    }

    @Test
    void contraryTermsCountAgainst() {
        expect(Polarity.OPPOSE, "We actively support Belgrade's demand ... to restore the territorial integrity of Serbia, restore "
                + "the country's sovereignty.", "kosovo-independence");
        expect(Polarity.OPPOSE, "According to our constitution, the province of Kosovo is an integral part of Serbia.",
                "kosovo-independence");
    }

    @Test
    void harmVerbsCondemnTheirSubject() {
        expect(Polarity.OPPOSE, "The unilateral declaration of independence by the province of Kosovo constitutes a dangerous "
                + "precedent and a long-standing threat to the stability of the region.", "kosovo-independence");
    }

    @Test
    void referencesBackReachTheIssue() {
        String text = "Kosovo's parliament adopted a declaration of independence on Sunday. This declaration violates "
                + "international law, he said.";
        int start = text.indexOf("This");
        List<Finding> found = detector.detect(text, Statement.at(RecordId.statement(7), null, start, text.indexOf(", he said"), null, null));
        assertEquals(1, found.size(), found::toString);
        assertEquals(Polarity.OPPOSE, found.get(0).polarity(), found::toString);
        assertTrue(found.get(0).cue().contains("violates"), found.get(0).cue());
    }

    @Test
    void rhetoricalQuestionsTurnAround() {
        expect(Polarity.OPPOSE, "How can anyone accept the independence of Kosovo?", "kosovo-independence");
    }

    @Test
    void inflectionPossessivesAndLineBreaks() {
        expect(Polarity.OPPOSE, "Serbia will never recognise Kosovo’s indepen-\ndence.", "kosovo-independence");
        expect(Polarity.SUPPORT, "We welcome the independence of the province of Kosovo.", "kosovo-independence");
    }

    @Test
    void dialogueAloneIsNeutral() {
        expect(Polarity.NEUTRAL, "On the declaration of independence by Kosovo, we firmly believe that dialogue between "
                + "Belgrade and Pristina is key.", "kosovo-independence");
    }

    @Test
    void theDecidingWordsAreKept() {
        Finding f = only("Serbia will never recognize the independence of Kosovo.", "kosovo-independence");
        assertTrue(f.cue().contains("never recognize"), f.cue());
        assertTrue(f.confidence() > 0.5 && f.confidence() <= 1.0, () -> "confidence " + f.confidence());
    }

    /** The parse carries a condemnation to what it is about, past the harm named beside it. */
    @Test
    void theParseScopesTheCondemnation() {
        expect(Polarity.OPPOSE, "We condemn the unilateral declaration of independence by Kosovo, a flagrant violation of the "
                + "sovereignty and territorial integrity of the Republic.", "kosovo-independence");
    }

    /** A term that names what its issue is against, read from the issue's own description, counts the other way. */
    @Test
    void aTermTheDescriptionSpeaksAgainstCountsTheOtherWay() throws Exception {
        StanceDetector d = new StanceDetector(Codebook.parse("m.yml", new StringReader(
                "issues:\n  - id: moratorium\n    label: A moratorium on the death penalty\n"
                        + "    description: A moratorium on executions, with a view to abolishing the death penalty.\n"
                        + "    terms: [death penalty]\n")));
        String text = "My country firmly opposes the death penalty in all circumstances.";
        List<Finding> f = d.detect(text, Statement.at(RecordId.statement(1), null, 0, text.length(), null, null));
        assertEquals(1, f.size(), f::toString);
        assertEquals(Polarity.SUPPORT, f.get(0).polarity(), f::toString);
    }

    /** An invented issue against a government, with a matter term, a people and the government's leader. */
    private static final String AGAINST_A_GOVERNMENT = """
            issues:
              - id: ruritania-repression
                label: Condemnation of the Ruritanian Government's repression
                description: International condemnation of the Ruritanian Government's repression of the protests, and pressure on it to end the killings.
                terms: [Ruritanian Government, Ruritanian people, situation in Ruritania, Rassendyll]
              - id: commercial-whaling
                terms: [commercial whaling]
              - id: minority-declaration
                terms: [declaration on the rights of minorities]
              - id: zenda-autonomy
                terms: [Zenda]
            """;

    private static StanceDetector againstAGovernment;

    /** One detector for the invented codebook, built once: building it parses the issues' descriptions. */
    private static synchronized StanceDetector againstAGovernment() throws Exception {
        if (againstAGovernment == null) {
            againstAGovernment = new StanceDetector(Codebook.parse("g.yml", new StringReader(AGAINST_A_GOVERNMENT)));
        }
        return againstAGovernment;
    }

    private Polarity read(StanceDetector d, String text, String issue) {
        return d.detect(text, Statement.at(RecordId.statement(1), null, 0, text.length(), null, null)).stream()
                .filter(f -> f.issue().equals(issue)).map(Finding::polarity).findFirst().orElse(null);
    }

    /** The government the issue is against is also named by its leader's name: "the X regime", "President X", "the regime of X". */
    @Test
    void aGovernmentsOtherNamesShareItsSide() throws Exception {
        StanceDetector d = againstAGovernment();
        assertEquals(Polarity.SUPPORT, read(d, "We condemn the Rassendyll regime for the killing of peaceful protesters.",
                "ruritania-repression"));
        assertEquals(Polarity.OPPOSE, read(d, "We support the efforts of President Rassendyll to restore calm.", "ruritania-repression"));
        assertEquals(Polarity.SUPPORT, read(d, "We condemn the regime of Rassendyll.", "ruritania-repression"));
    }

    /** Every side deplores a crisis; a person asked to act is not endorsed; a victim of a harm is defended. */
    @Test
    void mattersAddresseesAndVictims() throws Exception {
        StanceDetector d = againstAGovernment();
        assertEquals(Polarity.NEUTRAL, read(d, "The situation in Ruritania is unacceptable.", "ruritania-repression"));
        assertEquals(Polarity.NEUTRAL, read(d, "We urge the Ruritanian Government to receive the envoy.", "ruritania-repression"));
        // what the one asked is asked to accept is its attitude, not the speaker's on it
        assertEquals(Polarity.NEUTRAL, read(d, "We urge President Rassendyll to accept his responsibility.", "ruritania-repression"));
        assertEquals(Polarity.SUPPORT, read(d, "The Ruritanian people continue to suffer under a brutal occupation.",
                "ruritania-repression"));
        assertEquals(Polarity.OPPOSE, read(d, "There is no place for commercial whaling in our century.", "commercial-whaling"));
        assertEquals(Polarity.OPPOSE, read(d, "Our law prohibits commercial whaling.", "commercial-whaling"));
        // a place is not the doer of the harm done in it
        assertEquals(Polarity.NEUTRAL, read(d, "Some armed men in Zenda organised the killing of villagers.", "zenda-autonomy"));
    }

    /**
     * Who suffers a harm and who does it: a victim named before a harm in the passive is defended; a judgement of a harm
     * done to a mention falls on the harm; what the speakers impose themselves they stand by, what they call on others
     * to impose too; a contrary term the other side speaks against (read from the codebook's sentence on that side)
     * is that side's language, whatever the speaker says of it.
     */
    @Test
    void victimsDoersAndTheOtherSidesWords() throws Exception {
        StanceDetector d = againstAGovernment();
        assertEquals(Polarity.SUPPORT, read(d, "The rights of Zenda have been systematically violated.", "zenda-autonomy"));
        assertEquals(Polarity.SUPPORT, read(d, "We call for an end to the occupation of Zenda.", "zenda-autonomy"));
        assertEquals(Polarity.SUPPORT, read(d, "We imposed tough sanctions on the Ruritanian Government.", "ruritania-repression"));
        assertEquals(Polarity.SUPPORT, read(d, "Our solidarity goes to the Ruritanian people struggling against the brutal occupation.",
                "ruritania-repression"));
        // "cannot … without": the two negations cancel
        assertEquals(Polarity.SUPPORT, read(d, "Stability cannot be achieved without the autonomy of Zenda.", "zenda-autonomy"));
        // an "it" that stands for the clause after it refers back to nothing
        String twoSentences = "The Ruritanian Government has released the prisoners. It is important that the envoy "
                + "remain vigilant against any breach of the ceasefire.";
        assertEquals(Polarity.NEUTRAL, read(d, twoSentences, "ruritania-repression"));
        StanceDetector e = new StanceDetector(Codebook.parse("s.yml", new StringReader("""
                issues:
                  - id: zenda-sanctions
                    label: Sanctions against Zenda
                    description: Mandatory sanctions against Zenda. Defending Zenda against 'outside agitators' is OPPOSE.
                    terms: [sanctions against Zenda]
                    contrary_terms: [outside agitators in Zenda]
                """)));
        assertEquals(Polarity.SUPPORT, read(e, "The Council must be ready to impose sanctions against Zenda.", "zenda-sanctions"));
        assertEquals(Polarity.OPPOSE, read(e, "We deplore the outside agitators in Zenda.", "zenda-sanctions"));
    }

    /** The parse reaches a mention further than the word window: the object of "welcome", three items down a list. */
    @Test
    void theParseDecidesWhereTheWindowReadsNothing() throws Exception {
        StanceDetector d = againstAGovernment();
        assertEquals(Polarity.SUPPORT, read(d, "We warmly welcome the adoption last week of the convention on migrant workers, "
                + "the treaty on inland fisheries and the declaration on the rights of minorities.", "minority-declaration"));
    }
}
