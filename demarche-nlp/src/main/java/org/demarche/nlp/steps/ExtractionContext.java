package org.demarche.nlp.steps;

import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreSentence;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.demarche.model.ActorKind;
import org.demarche.model.DocumentMetadata;
import org.demarche.model.Extraction;
import org.demarche.model.StatementKind;
import org.demarche.nlp.Gazetteer;
import org.demarche.nlp.Lexicon;
import org.demarche.nlp.NameGender;
import org.demarche.nlp.QuoteFinder;
import org.demarche.nlp.Steps;

/**
 * One document's extraction as the steps build it: the text and its metadata, CoreNLP's annotation, the
 * entity mentions and local actors, the statements, roles and events found so far, the story's current date
 * and salient person, and the word lists of the document's language. Steps keep nothing of a document
 * themselves; everything they share is here, with the few lookups all of them make.
 */
public final class ExtractionContext {

    final String text;
    final DocumentMetadata meta;
    final String published;
    final String docDate;
    final List<QuoteFinder.Quote> quotes;
    final Gazetteer gazetteer = Gazetteer.get();
    /** Verbs that report speech or writing, verbs that attribute a quotation next to them, offices (lemmas). */
    final Set<String> speech;
    /** Verbs whose object and its infinitive or "of" clause are what was said ("urged X to …", "accused X of …"). */
    final Set<String> directive;

    /** A verb by which someone may report speech: a speech verb or a directive one. */
    boolean reports(String lemma) {
        return speech.contains(lemma) || directive.contains(lemma);
    }
    final Set<String> attributing;
    final Set<String> offices;
    /** Verbs of thought and feeling that carry a speaker's quoted words ("worried that … “…”"). */
    final Set<String> thinking;
    /** "gov.=governor" lines: how titles are abbreviated. */
    final Set<String> titleAbbreviations;
    /** "he", "she": a person next to a quotation or a speech verb. */
    final Set<String> heShe;
    /** "the Russian side", "the French government": a demonym and one of these is its state. */
    final Set<String> stateBodies;
    /** Nouns that name a state's legislature after its name or demonym ("the Kosovo parliament"). */
    final Set<String> legislatures;
    /** Lemma -> kind of event it triggers ("meet" -> meeting). */
    final Map<String, String> eventKinds;
    /** "Mr", "Dr." before a name. */
    final Pattern honorifics;
    /** Titles a name follows ("Sen. Keller"): the name starts after them. */
    final Pattern nameTitles;
    /** Capitalised function words that glue two names run together by layout ("Anna Keller The Brandt"). */
    final Pattern glueWords;
    /** Words that open an embedded question ("said whether …"), which is not a statement. */
    final Pattern questionWords;
    /** Verbs whose embedded question is what was said ("asked whether …"). */
    final Set<String> questioning;
    /** Verbs that refuse the speech of the verb they govern ("declined to say"). */
    final Set<String> refusing;
    /** Pronouns that open a clause as its subject ("he", "they"). */
    final Set<String> subjectPronouns;
    /** A date written with one of these words ("last June") is relative to the text's own time. */
    final Pattern relativeDateWords;
    /** ", who chairs …": the speaker's relative clause after an apposition. */
    final Pattern relativePronouns;

    final List<Extraction.LocalActor> actors = new ArrayList<>();
    final Map<String, Integer> actorByKey = new HashMap<>();
    final List<Extraction.Mention> mentions = new ArrayList<>();
    final List<Extraction.SaidText> statements = new ArrayList<>();
    final List<Extraction.Role> roles = new ArrayList<>();
    final List<Extraction.Happening> events = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    final Map<Integer, String> titles = new HashMap<>(); // actor -> latest title word(s) seen
    CoreDocument doc;
    /** Entity mentions of each sentence with their resolved actor (or -1). */
    final List<List<Ent>> ents = new ArrayList<>();
    final Map<QuoteFinder.Quote, Integer> quoteSpeaker = new HashMap<>();
    int salientPerson = -1;
    /** The speaker the manifest names, or -1. */
    int manifestSpeakerActor = -1;
    /** The sentence that made salientPerson salient. */
    int salientSentence = -10;
    /** The speaker of the latest attributed quotation, and the sentence it was in. */
    int lastQuoteSpeaker = -1;
    int lastQuoteSentence = -10;
    String narrativeDate;
    String storyYear;

    ExtractionContext(String text, DocumentMetadata meta) {
        this.text = text;
        this.meta = meta == null ? DocumentMetadata.EMPTY : meta;
        this.published = this.meta.published();
        this.docDate = published != null && published.matches("\\d{4}-\\d{2}-\\d{2}") ? published : null;
        this.quotes = QuoteFinder.find(text);
        Lexicon words = Lexicon.forLanguage(this.meta.language());
        this.speech = words.words("speech-verbs");
        this.directive = words.words("directive-verbs");
        this.attributing = words.union("speech-verbs", "attribution-verbs");
        this.offices = words.words("offices");
        this.thinking = words.words("thought-verbs");
        this.titleAbbreviations = words.words("title-abbreviations");
        this.heShe = words.words("person-pronouns");
        this.stateBodies = words.words("state-bodies");
        this.legislatures = words.words("legislatures");
        this.eventKinds = words.pairs("event-triggers");
        this.honorifics = words.pattern("honorifics", "(%s)\\.?");
        this.nameTitles = words.pattern("name-titles", "(%s)\\.?");
        this.glueWords = words.pattern("glue-words", "%s");
        this.questionWords = words.pattern("question-words", "(?is)^(%s)\\b.*");
        this.questioning = words.words("question-verbs");
        this.refusing = words.words("refusal-verbs");
        this.subjectPronouns = words.words("subject-pronouns");
        this.relativeDateWords = words.pattern("relative-date-words", "(?i).*\\b(%s)\\b.*");
        this.relativePronouns = words.pattern("relative-pronouns", "(?i)%s");
    }

    /** The document's text. */
    public String text() {
        return text;
    }

    /** What the steps found, as the extraction stage's output. */
    Extraction extraction() {
        return new Extraction(actors, mentions, statements, roles, events, warnings);
    }

    /** A statement found by a step, with the confidence that step has earned (Steps). */
    Extraction.SaidText said(int speaker, StatementKind kind, int start, int end, String date, String cue, String step) {
        return new Extraction.SaidText(speaker, kind, start, end, text.substring(start, end), date, cue, step,
                Steps.confidence(step));
    }

    void addQuote(QuoteFinder.Quote q, int speaker, String cue, int si, String step) {
        quoteSpeaker.put(q, speaker);
        statements.add(said(speaker, StatementKind.DIRECT, q.start(), q.end(), Dates.dateOf(this, si), cue, step));
        if (actors.get(speaker).kind() == ActorKind.PERSON) {
            lastQuoteSpeaker = speaker;
            lastQuoteSentence = si;
        }
    }

    /** Who "he" or "she" next to a quotation is: the speaker of the quotation just before, else the salient person. */
    int personMeant(int si) {
        return lastQuoteSpeaker >= 0 && si - lastQuoteSentence <= 3 && lastQuoteSentence >= salientSentence
                ? lastQuoteSpeaker : salientPerson;
    }

    /**
     * Who this "he" or "she" is: the person {@link #personMeant(int)} names unless the name says the other gender
     * ("she" after a sentence about Tom Brandt), then the most recent salient person the pronoun fits.
     */
    int personMeant(int si, String pronoun) {
        return personFitting(personMeant(si), pronoun);
    }

    /** The person meant, or the most recent salient one whose name fits the pronoun when the meant one's does not. */
    int personFitting(int meant, String pronoun) {
        Boolean wantFemale = switch (pronoun == null ? "" : pronoun.toLowerCase(java.util.Locale.ROOT)) {
            case "she", "her", "hers", "herself" -> true;
            case "he", "him", "his", "himself" -> false;
            default -> null;
        };
        if (wantFemale == null || meant < 0 || fits(meant, wantFemale)) {
            return meant;
        }
        for (int a : recentPersons) {
            if (NameGender.female(actors.get(a).name()).equals(Optional.of(wantFemale))) {
                return a; // a name that says the pronoun's gender (the meant person's says the other)
            }
        }
        return meant;
    }

    private boolean fits(int actor, boolean wantFemale) {
        return NameGender.female(actors.get(actor).name()).map(f -> f == wantFemale).orElse(true);
    }

    /** The persons made salient, most recent first, for a pronoun the salient person's gender does not fit. */
    final List<Integer> recentPersons = new ArrayList<>();

    SemanticGraph graph(CoreSentence s) {
        return s.coreMap().get(SemanticGraphCoreAnnotations.EnhancedPlusPlusDependenciesAnnotation.class);
    }

    private static final Pattern CLAUSE_BREAK = Pattern.compile(",\\s+(?:but|while|whereas|and)\\s|;\\s|\\s[—–]\\s");

    /**
     * The end of reported words before any quotation they carry, or -1. Words with quotation marks inside ("said
     * he would offer “a prayer” for the nominee") are a mixed quotation, not reported speech: the quoted stretch is
     * the speaker's own and a direct statement when long enough, the paraphrase around it the reporter's. What
     * comes before a clause break ("had not read the plan, but called it a “starting point”") is still reported.
     */
    int unquotedEnd(int start, int end) {
        int at = end;
        for (QuoteFinder.Quote q : quotes) {
            if (q.start() < end && q.end() > start && doubleMarked(q)) {
                at = Math.min(at, Math.max(start, q.start() - 1));
            }
        }
        for (int i = start; i < at; i++) {
            char ch = text.charAt(i);
            if (ch == '“' || ch == '”' || ch == '"' || ch == '«' || text.startsWith("''", i)) {
                at = i;
            }
        }
        if (at == end) {
            return end;
        }
        Matcher br = CLAUSE_BREAK.matcher(text).region(start, at);
        int cut = -1;
        while (br.find()) {
            cut = br.start();
        }
        return cut > start && Tokens.wordCount(text.substring(start, cut)) >= 4 ? cut : -1;
    }

    /** Opened by a double mark (“, ", « or ''), as quotations are; single marks also open titles and scare words. */
    private boolean doubleMarked(QuoteFinder.Quote q) {
        int o = q.start() - 1;
        while (o >= 0 && Character.isWhitespace(text.charAt(o))) {
            o--;
        }
        return o >= 0 && "“\"«".indexOf(text.charAt(o)) >= 0 || o >= 1 && text.startsWith("''", o - 1);
    }

    /** The first quote opening after a cue, before the next cue or the sentence's end. */
    QuoteFinder.Quote quoteAfter(int from, int limit) {
        for (QuoteFinder.Quote q : quotes) {
            if (q.start() > from && q.start() <= limit + 1) {
                return q;
            }
        }
        return null;
    }

    /** A quote closing just before the cue: "…," he said / "…," said Lavrov. */
    QuoteFinder.Quote quoteBefore(int cueStart, int sentenceStart) {
        for (QuoteFinder.Quote q : quotes) {
            if (q.end() <= cueStart && q.end() >= sentenceStart - 1) {
                String gap = text.substring(q.end(), cueStart);
                if (gap.length() < 60 && !gap.contains("\n\n") && gap.matches("(?s)[\\s,.!?…\"“”'’-]*(\\S+\\s+){0,4}")) {
                    return q;
                }
            }
        }
        return null;
    }

    boolean opensSentence(QuoteFinder.Quote q) {
        return opensSentence(q.start());
    }

    boolean opensSentence(int quoteStart) {
        int i = beforeMark(quoteStart);
        while (i >= 0 && Character.isSpaceChar(text.charAt(i))) { // a no-break space too, as web pages write it
            i--;
        }
        return i < 0 || ".!?\n”\"'".indexOf(text.charAt(i)) >= 0;
    }

    boolean opensParagraph(QuoteFinder.Quote q) {
        int i = beforeMark(q.start());
        while (i >= 0 && (Character.isSpaceChar(text.charAt(i)) || text.charAt(i) == '\t')) {
            i--;
        }
        return i < 0 || text.charAt(i) == '\n';
    }

    /** The offset just before a quotation's opening mark (one character, or two for ''). */
    int beforeMark(int quoteStart) {
        int i = quoteStart - 1;
        while (i >= 0 && Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '\n') {
            i--;
        }
        int marks = 0;
        while (i >= 0 && marks < 2 && "\"“”'‘«„".indexOf(text.charAt(i)) >= 0) {
            i--;
            marks++;
        }
        return i;
    }

    boolean possessive(Ent e) {
        String after = text.substring(e.end, Math.min(text.length(), e.end + 2));
        return after.startsWith("'s") || after.startsWith("’s");
    }

    Ent entAt(int si, int offset) {
        for (Ent e : ents.get(si)) {
            if (offset >= e.start && offset < e.end) {
                return e;
            }
        }
        return null;
    }

    QuoteFinder.Quote quoteAt(int offset) {
        for (QuoteFinder.Quote q : quotes) {
            if (offset >= q.start() && offset < q.end()) {
                return q;
            }
        }
        return null;
    }
}
