package org.demarche.stance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The parse carries the speaker's evaluation to the words it is about, through harms and negations. */
class DependencyScopeTest {

    private final StanceAnalyzer analyzer = new StanceAnalyzer();
    private final DependencyScope scope = new DependencyScope(analyzer, new CueLexicon(analyzer));

    private DependencyScope.Reading read(String sentence, String mention) {
        int at = sentence.indexOf(mention);
        return scope.parse(sentence, 0, sentence.length(), false).read(at, at + mention.length(), false);
    }

    @Test
    void condemningWhatHarmsAnIssueDefendsIt() {
        DependencyScope.Reading r = read("We condemn the violation of the territorial integrity of Georgia.", "territorial integrity");
        assertTrue(r.cue() > 0, r.toString());
    }

    @Test
    void condemningTheThingItselfIsAgainstIt() {
        DependencyScope.Reading r = read("We condemn the unilateral declaration, a flagrant violation of international law.",
                "unilateral declaration");
        assertTrue(r.cue() < 0, r.toString());
    }

    @Test
    void aNegatedGovernorTurnsTheEvaluation() {
        DependencyScope.Reading yes = read("We support the independence of the territory.", "independence");
        DependencyScope.Reading no = read("We do not support the independence of the territory.", "independence");
        assertTrue(yes.cue() > 0, yes.toString());
        assertTrue(no.cue() < 0, no.toString());
    }

    @Test
    void aGeneralWordReachesWhatTheGenreListDoesNot() {
        // "praise" is in the VADER lexicon, not in cues.tsv
        DependencyScope.Reading r = read("My delegation praises the courage of the people of the region.", "courage");
        assertTrue(r.general() > 0 || r.cue() > 0, r.toString());
        assertTrue(SentimentLexicon.get().size() > 7000);
        assertEquals(0, SentimentLexicon.get().valence("the", null));
    }
}
