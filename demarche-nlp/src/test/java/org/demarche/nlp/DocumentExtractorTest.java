package org.demarche.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.demarche.ingest.Corpora;
import org.demarche.ingest.DocumentIngester;
import org.demarche.ingest.Manifest;
import org.demarche.model.ActorKind;
import org.demarche.model.Document;
import org.demarche.model.Extraction;
import org.demarche.model.StatementKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Who said what, when, in which role: on the seeds and a UN General Debate statement. */
class DocumentExtractorTest {

    private static DocumentExtractor extractor;
    private static Manifest seeds;

    @BeforeAll
    static void load() throws Exception {
        extractor = new DocumentExtractor(CoreNlp.get());
        seeds = Manifest.read(Corpora.examples().resolve("manifest.csv"));
    }

    private static Document doc(Path p, Manifest m) throws Exception {
        return new DocumentIngester().ingest(p.getFileName().toString(), p.toString(), Files.readAllBytes(p), "h",
                m.metadataFor(p));
    }

    private static String speaker(Extraction x, String textPart) {
        return x.statements().stream().filter(s -> s.text().contains(textPart)).findFirst()
                .map(s -> s.speaker() < 0 ? "-" : x.actors().get(s.speaker()).name()).orElse("not found");
    }

    private static Optional<Extraction.SaidText> statement(Extraction x, String textPart) {
        return x.statements().stream().filter(s -> s.text().contains(textPart)).findFirst();
    }

    /** The attribution after a quotation, in the orders news writes it (the parser misreads the inverted one). */
    @Test
    void theAttributionAfterAQuotationNamesItsSpeaker() {
        String text = """
                Voters in the county went to the polls on Tuesday.

                \u201cTurnout was the highest in a decade,\u201d said Maria Okafor, an election official in the county. \u201cWe ran out of ballots twice.\u201d

                \u201cIt shows how much people care about the bridge,\u201d Tom Lindqvist, a local councillor, wrote on his blog.

                \u201cThe count will take another day,\u201d she said, \u201cbecause every ballot is checked by hand.\u201d

                \u201cNobody expected this,\u201d Lindqvist joked.
                """;
        Extraction x = extractor.extract(text, org.demarche.model.DocumentMetadata.EMPTY);
        assertEquals("Maria Okafor", speaker(x, "Turnout was the highest"), "\"…,\" said X");
        assertEquals("Maria Okafor", speaker(x, "We ran out of ballots"), "the next quotation of the paragraph");
        assertEquals("Tom Lindqvist", speaker(x, "It shows how much"), "\"…,\" X, apposition, wrote");
        assertEquals("Tom Lindqvist", speaker(x, "Nobody expected this"), "a verb of attribution, not of speech");
        assertEquals(StatementKind.DIRECT, statement(x, "The count will take").get().kind());
        assertEquals(speaker(x, "The count will take"), speaker(x, "because every ballot"),
                "a quotation split by its attribution");
    }

    /**
     * What a directive verb reports is its object and what that is to do or did; words before a speech verb that
     * has a clause of its own are not what was said.
     */
    @Test
    void directivesAreReportedAndAnAdverbialIsNot() {
        String text = """
                The hearing on the bank failures lasted six hours.

                The committee chairman, Tom Brandt, urged the regulators to freeze interest rates on adjustable loans.

                Brandt accused the largest banks of hiding their losses from investors.

                Later in the day, Maria Okafor said the committee would meet again in March.

                Brandt promised to publish the committee's findings before the election.

                Okafor accused the governor of corruption in the awarding of contracts.
                """;
        Extraction x = extractor.extract(text, org.demarche.model.DocumentMetadata.EMPTY);
        Extraction.SaidText urged = statement(x, "the regulators to freeze interest rates").orElseThrow();
        assertEquals(StatementKind.INDIRECT, urged.kind());
        assertEquals("Tom Brandt", speaker(x, "the regulators to freeze interest rates"));
        assertEquals("Tom Brandt", speaker(x, "the largest banks of hiding their losses"));
        assertEquals("Maria Okafor", speaker(x, "the committee would meet again in March"));
        assertEquals("Tom Brandt", speaker(x, "to publish the committee's findings"), "what a speaker undertakes");
        assertEquals("Maria Okafor", speaker(x, "the governor of corruption"), "the charge, a noun");
        assertFalse(x.statements().stream().anyMatch(s -> s.text().startsWith("Later in the day")),
                "the adverbial before the attribution is not what was said");
    }

    /**
     * "X said independence for Y would encourage Z": the parser reads "[X said independence for Y]" as the subject of
     * "would encourage" (or hangs the clause's verb on "said" unlabelled); what follows the verb is still what was
     * said, and a quotation that continues it is a statement of its own.
     */
    @Test
    void aReportedClauseTheParserMisreadsIsStillReported() {
        String text = """
                The debate on the province lasted all week.

                Tom Brandt said independence for Ruritania would encourage separatism in many countries.

                However, the chairman Maria Okafor said autonomy for the province would encourage rivals everywhere, “including Zenda, Strelsau and many other places.”

                Brandt also stressed his party's support for the envoy and said outside pressure on the province would undermine the talks.
                """;
        Extraction x = extractor.extract(text, org.demarche.model.DocumentMetadata.EMPTY);
        assertEquals("Tom Brandt", speaker(x, "independence for Ruritania would encourage separatism"));
        Extraction.SaidText reported = statement(x, "autonomy for the province would encourage rivals").orElseThrow();
        assertEquals(StatementKind.INDIRECT, reported.kind());
        assertFalse(reported.text().contains("Zenda"), "the quotation is not part of the reported clause");
        assertEquals(StatementKind.DIRECT, statement(x, "including Zenda").orElseThrow().kind());
        assertFalse(x.statements().stream().anyMatch(st -> st.text().contains("envoy") && st.text().contains("undermine")),
                "one verb's words do not run into the next verb's");
    }

    /**
     * Reported words that carry quotation marks are a mixed quotation, not reported speech: the quoted stretch is
     * the speaker's own words (a direct statement when it is long enough), the paraphrase around it the
     * reporter's. What comes before a clause break is reported still.
     */
    @Test
    void aMixedQuotationIsNotReportedSpeech() {
        String text = """
                The council met on Monday to discuss the harbour plan.

                Tom Brandt said he would offer “a prayer” for whoever wins the vote on the plan.

                Maria Okafor said she had not yet read the harbour plan, but called it “a starting point for our talks.”

                Brandt said the vote would take place in the spring.
                """;
        Extraction x = extractor.extract(text, org.demarche.model.DocumentMetadata.EMPTY);
        assertFalse(x.statements().stream().anyMatch(st -> st.text().contains("whoever wins the vote")),
                "a paraphrase around a scare-quoted word is not kept as reported speech");
        Extraction.SaidText read = statement(x, "she had not yet read the harbour plan").orElseThrow();
        assertEquals(StatementKind.INDIRECT, read.kind());
        assertFalse(read.text().contains("called"), "the reported words end at the clause break before the quotation");
        assertEquals(StatementKind.DIRECT, statement(x, "a starting point for our talks").orElseThrow().kind());
        assertEquals("Maria Okafor", speaker(x, "a starting point for our talks"));
        assertEquals(StatementKind.INDIRECT, statement(x, "the vote would take place in the spring").orElseThrow().kind());
    }

    /**
     * Bodies the tagger leaves untagged or splits: a legislature after a state's name or demonym is one actor of
     * its own, a place before an organisation's name is part of it, a description before an acronym defines it
     * (where the mission works is not part of its name), a hyphenated spelling of an acronym is the same body, and
     * "the official" capital is its government.
     */
    @Test
    void bodiesNamedByPlacesAndAcronymsAreActors() {
        String text = """
                The envoys met on Monday to prepare the talks on Transnistria.

                They would pursue a settlement through the informal Moldova Contact Group, which meets in Vienna. \
                Later the Contact Group said the talks would resume in May.

                Members of the UN administration in Moldova (UNAM) advised the delegates to stay in their hotel. \
                Both the UN administration and the Stabilisation Force (SFOR) were told of the threat.

                The plan was blocked by General Tom Brandt, S-For's commander.

                Laws passed by the Moldovan parliament were overturned. Maria Okafor called for the Moldova \
                parliament to vote again, while the official Chisinau kept silent.
                """;
        Extraction x = extractor.extract(text, org.demarche.model.DocumentMetadata.EMPTY);
        Extraction.LocalActor parliament = x.actors().stream().filter(a -> a.forms().contains("Moldovan parliament"))
                .findFirst().orElseThrow();
        assertTrue(parliament.forms().contains("Moldova parliament"), "one legislature whatever the state's form");
        assertEquals(ActorKind.ORGANIZATION, parliament.kind(), "a legislature is not its state");
        assertTrue(x.actors().stream().anyMatch(a -> a.forms().contains("Contact Group")
                && a.forms().contains("Moldova Contact Group")));
        Extraction.LocalActor mission = x.actors().stream().filter(a -> a.name().equals("UNAM")).findFirst().orElseThrow();
        assertTrue(mission.forms().contains("UN administration in Moldova"));
        assertTrue(mission.forms().contains("UN administration"));
        assertTrue(x.actors().stream().anyMatch(a -> a.forms().contains("SFOR") && a.forms().contains("S-For")));
        assertTrue(x.actors().stream().anyMatch(a -> a.name().equals("Moldova") && a.forms().contains("Chisinau")),
                "the official capital is its state");
    }

    /**
     * An attribution set inside the sentence it reports, after a short subject: the parser reads it as the
     * governor of what follows, or takes the speaker for an apposition of the subject; the words are still reported.
     */
    @Test
    void anAttributionInsideItsSentenceReportsIt() {
        String text = """
                Tom Brandt has written a book about the harbour.

                The trouble, Brandt writes, began in the early 1970s, with a quarrel between the port and the city.

                The hashtag, he said, was even more popular, with six million posts in ten hours.
                """;
        Extraction x = extractor.extract(text, org.demarche.model.DocumentMetadata.EMPTY);
        assertEquals("Tom Brandt", speaker(x, "began in the early 1970s"));
        assertEquals(StatementKind.INDIRECT, statement(x, "began in the early 1970s").orElseThrow().kind());
        assertEquals("Tom Brandt", speaker(x, "was even more popular"));
    }

    /**
     * A question is what "asked" reports ("asked the members if …", "asked which …"), not what "said whether" does;
     * a condition opening the clause is part of it ("said if …, …"); an attribution inside the sentence, past the
     * speaker's apposition, reports the whole sentence; a dash after the attribution opens the reporter's aside;
     * "…, saying X" never names a speaker after it; the subject of "who has said" is the noun the clause hangs on.
     */
    @Test
    void questionsConditionsAndAttributionsInsideASentence() {
        String text = """
                The council met on Monday.

                Then Ms. Quist asked the members if they were always so late.

                Alan Hale then asked Quist which districts he could still win.

                Hale said if the vote failed, he would resign from the board at once.

                Hale explained how the vote would be held in the spring.

                Rather than seeing the fees rise again, said Nora Quist, the group's treasurer, the club wants the gap closed.

                The mayor supports the tax for all city workers, Hale said on Monday at a rally in Dover — a clear break \
                with his own party's line.

                Other members echoed those comments, saying Hale's plan -- a tax on the harbour -- is too small.

                But Tom Brandt sided with Nora Quist, who has said she does not support changing the club's rules.
                """;
        Extraction x = extractor.extract(text, org.demarche.model.DocumentMetadata.EMPTY);
        assertEquals("Nora Quist", speaker(x, "if they were always so late"));
        assertEquals("Alan Hale", speaker(x, "which districts he could still win"));
        assertEquals("Alan Hale", speaker(x, "if the vote failed, he would resign"));
        assertTrue(statement(x, "the vote would be held").isEmpty(), "an embedded question is no statement");
        assertEquals("Nora Quist", speaker(x, "Rather than seeing the fees rise again"));
        assertTrue(statement(x, "Rather than seeing the fees rise again").orElseThrow().text().endsWith("the gap closed"));
        assertEquals("The mayor supports the tax for all city workers",
                statement(x, "The mayor supports").orElseThrow().text());
        assertTrue(statement(x, "a clear break").isEmpty(), "the aside after the dash is the reporter's");
        assertTrue(statement(x, "Other members echoed").isEmpty(), "no one is named after “saying”");
        assertEquals("Nora Quist", speaker(x, "she does not support changing"));
    }

    /**
     * A piece of reported words found again alone is the same statement; the words before a quotation, or before an attribution that follows them, are reported only when
     * they make a clause; an attribution is not what was said; "declined to say" reports nothing.
     */
    @Test
    void repeatedPiecesFragmentsAndRefusals() {
        String text = """
                The talks went on in Geneva.

                Nora Quist said the club had rules against cheating and that it quickly removed those who broke them.

                Alan Hale said the talks would continue.

                If the count is close, Tom Brandt said, it may ask for a recount of the votes.

                Alan Hale joked that he likes a good, “long and boring meeting with no end in sight.”

                Tom Brandt said in his home town, “There is a great deal of gloom about the future here.”

                Nothing Alan Hale said “changes the plan for the harbour,” the Vermont senator said.

                Nora Quist declined to say that she had been paid for the work.

                In the last session of his term, held at the harbour hall, Alan Hale told the story of the old ferry.
                """;
        Extraction x = extractor.extract(text, org.demarche.model.DocumentMetadata.EMPTY);
        assertEquals(1, x.statements().stream().filter(st -> st.text().contains("quickly removed those")).count(),
                "one statement, not the clause and its second half");
        assertTrue(statement(x, "he likes a good").isEmpty(), "a piece cut at the quotation is no clause");
        assertEquals("Alan Hale", speaker(x, "the talks would continue"), "a clause ending on a verb is still a clause");
        assertEquals(1, x.statements().stream().filter(st -> st.text().contains("ask for a recount")).count());
        assertTrue(statement(x, "ask for a recount").orElseThrow().text().startsWith("If the count is close"));
        assertTrue(statement(x, "in his home town").isEmpty(), "a place is not what was said");
        assertEquals("Alan Hale", speaker(x, "long and boring meeting"), "the quoted words are his direct statement");
        assertTrue(x.statements().stream().noneMatch(st -> st.kind() == StatementKind.INDIRECT
                && st.text().contains("the Vermont senator said")), "an attribution is not a statement");
        assertTrue(statement(x, "she had been paid").isEmpty(), "a refusal reports nothing");
        assertTrue(statement(x, "In the last session").isEmpty(), "what comes before an attribution is said only as a clause");
    }

    /**
     * Reported clauses the parser does not call complements: an adverb between the auxiliary and the verb ("has
     * repeatedly accused"), "called for" / "called on" someone to act, a clause with its own subject read as the
     * verb's xcomp, a clause after a comma read as a parataxis, a "that" clause hung on the noun between the verb
     * and it ("claimed at one point that …").
     */
    @Test
    void reportedClausesTheParserDoesNotCallComplements() {
        String text = """
                The campaign went on in Ohio.

                Maria Okafor has repeatedly accused Brandt of using divisive rhetoric. She also called for all \
                candidates to lay out the cost of their plans.

                Tom Brandt has said for weeks he’s the only candidate in the field who can beat Okafor.

                Republican candidate Tom Brandt says, win or lose in Tuesday’s primary, he’s staying in the race.

                Maria Okafor, the Democratic front-runner, called on tech companies to become more careful.

                Tom Brandt claimed at one point that the province was becoming involved in the war.
                """;
        Extraction x = extractor.extract(text, org.demarche.model.DocumentMetadata.EMPTY);
        assertEquals("Maria Okafor", speaker(x, "of using divisive rhetoric"));
        assertEquals("Maria Okafor", speaker(x, "all candidates to lay out the cost"));
        assertEquals("Tom Brandt", speaker(x, "he’s the only candidate in the field"));
        assertEquals("Tom Brandt", speaker(x, "he’s staying in the race"));
        assertEquals("Maria Okafor", speaker(x, "tech companies to become more careful"));
        assertEquals("Tom Brandt", speaker(x, "the province was becoming involved"), "the clause hung on the noun before it");
    }

    /** "She" after a sentence about a man is the woman named before him, as her first name says. */
    @Test
    void aPronounGoesToThePersonItsGenderFits() {
        String text = """
                Maria Okafor opened the hearing on the harbour on Monday.

                Tom Brandt, the port director, answered the committee's questions for an hour.

                She said the harbour plan would cost more than the city could pay.
                """;
        Extraction x = extractor.extract(text, org.demarche.model.DocumentMetadata.EMPTY);
        assertEquals("Maria Okafor", speaker(x, "the harbour plan would cost more"));
    }

    /** A quotation signed on the line below it, as fact checks and epigraphs print them. */
    @Test
    void aQuotationSignedBelowIsItsSignersWords() {
        String text = """
                Senator Ruth Keller spoke in Des Moines on Monday about the economy.

                "The big banks are too big to fail, and they must be broken up before the next crash."

                - Keller.

                The claim is exaggerated: the banks have shrunk since 2008.

                Keller then turned to the crowd again: "We will win this state. We will win it by a mile."

                "Banks shrink, fees grow," by the Ledger's Anna Berg: "The banks have shed jobs. Their fees rose."
                """;
        Extraction x = extractor.extract(text, org.demarche.model.DocumentMetadata.EMPTY);
        assertEquals("Ruth Keller", speaker(x, "The big banks are too big to fail"));
        assertEquals(StatementKind.DIRECT, statement(x, "The big banks are too big to fail").get().kind());
        assertEquals("Ruth Keller", speaker(x, "We will win it by a mile"), "a quotation of two sentences after a colon");
        assertTrue(statement(x, "The banks have shed jobs").isEmpty(), "an article's excerpt after its byline");
    }

    @Test
    void quotesAreTheirSpeakersWordsAndScareQuotesAreNot() throws Exception {
        Document d = doc(Corpora.seed("002"), seeds);
        Extraction x = extractor.extract(d.cleanText(), d.metadata());
        assertEquals("Sergey Lavrov", speaker(x, "We have information that the EU mission"));
        assertEquals("Sergey Lavrov", speaker(x, "This will only lead to yet another"), "through 'he said'");
        assertEquals("James Appathurai", speaker(x, "They have done that task in a neutral"), "the next quote, same speaker");
        assertEquals("Sergey Lavrov", speaker(x, "it would undermine security in the Balkans and Europe"));
        assertEquals(StatementKind.INDIRECT, statement(x, "it would undermine security").get().kind());
        assertFalse(x.statements().stream().anyMatch(s -> s.text().equals("the rest of Serbia.")), "no cue governs it");
        assertFalse(x.statements().stream().anyMatch(s -> s.text().equals("Neutral and impartial")), "a headline");
        for (Extraction.SaidText s : x.statements()) {
            assertEquals(s.text(), d.cleanText().substring(s.start(), s.end()), "offsets point at the words");
        }
    }

    @Test
    void rolesAndDatesFromTheText() throws Exception {
        Document d = doc(Corpora.seed("001"), seeds);
        Extraction x = extractor.extract(d.cleanText(), d.metadata());
        Extraction.Role ambassador = x.roles().stream()
                .filter(r -> x.actors().get(r.actor()).name().equals("Sergei Lavrov")).findFirst().orElseThrow();
        assertTrue(ambassador.title().startsWith("ambassador to the UN"), ambassador.title());
        assertEquals("Russia", x.actors().get(ambassador.ofActor()).name());
        Extraction.Happening arrival = x.events().stream()
                .filter(e -> e.text().contains("Lavrov arrived on November 7")).findFirst().orElseThrow();
        assertEquals("visit", arrival.kind());
        assertEquals("1999-11-07", arrival.date(), "November 7 of the story's year");
        assertTrue(x.mentions().stream().anyMatch(m -> m.kind().equals("date") && m.text().equals("1999-11-09")),
                "yesterday, seen from 10 November 1999");
        assertEquals("Sergei Lavrov", speaker(x, "as soon as possible"));
    }

    @Test
    void statementsAreDatedWhenTheyWereMade() throws Exception {
        Document d = doc(Corpora.seed("003"), seeds);
        Extraction x = extractor.extract(d.cleanText(), d.metadata());
        assertEquals("2007-07-14", statement(x, "The time is now.").get().date(), "declared on July 14");
        assertEquals("2007-07-18", statement(x, "Kosovo will be independent by the end of 2007").get().date());
        assertEquals("Condoleezza Rice", speaker(x, "We are committed to an independent Kosovo"));
        assertEquals("2007-07-18", statement(x, "We are committed to an independent Kosovo").get().date(), "later that day");
    }

    @Test
    void aSpeechIsItsSpeakersWordsWithRoleAndState() throws Exception {
        Path p = Corpora.ungdc().resolve("Session 63 - 2008/RUS_63_2008.txt");
        Document d = doc(p, Manifest.read(Corpora.ungdc().resolve("manifest.csv")));
        Extraction x = extractor.extract(d.cleanText(), d.metadata());
        long lavrov = x.statements().stream().filter(s -> s.speaker() >= 0
                && x.actors().get(s.speaker()).name().equals("Sergey V. Lavrov")).count();
        assertTrue(lavrov >= 10, "paragraphs of the speech: " + lavrov);
        assertTrue(x.statements().stream().allMatch(s -> s.date() != null && s.date().startsWith("2008")));
        Extraction.Role role = x.roles().get(0);
        assertEquals("Minister for Foreign Affairs", role.title());
        assertEquals(ActorKind.STATE, x.actors().get(role.ofActor()).kind());
        assertEquals("Russia", x.actors().get(role.ofActor()).name());
    }

    @Test
    void anOpEdIsItsAuthorsWordsAndScareQuotesStayHis() throws Exception {
        Document d = doc(Corpora.seed("004"), seeds);
        Extraction x = extractor.extract(d.cleanText(), d.metadata());
        assertEquals("Alexander Botsan-Kharchenko", speaker(x, "Russia’s position is unchanging"));
        assertTrue(x.statements().stream().noneMatch(s -> s.text().equals("sovereignization")));
        assertTrue(x.statements().stream().allMatch(s -> s.date() == null), "the manifest gives no date: none is guessed");
    }
}
