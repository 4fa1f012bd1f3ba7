package org.demarche.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreEntityMention;
import edu.stanford.nlp.pipeline.CoreSentence;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.demarche.model.ActorKind;
import org.demarche.model.DocumentMetadata;
import org.demarche.model.Extraction;
import org.demarche.model.StatementKind;

/**
 * The extraction stage for one document: who is named, who said what (quoted or reported),
 * in which role, when, and what happened. Built on CoreNLP's tokens, entities, SUTime dates
 * and (for speech sentences only) dependency parses; the attribution rules are this
 * project's, written for news, interviews and speeches of any topic.
 */
public final class DocumentExtractor {

    private static final Set<String> HE_SHE = Set.of("he", "she", "him", "her");
    private static final Set<String> NUMERIC = Set.of("DATE", "TIME", "DURATION", "SET", "NUMBER", "ORDINAL", "PERCENT",
            "MONEY");
    private static final Set<String> STATE_BODIES = Set.of("side", "government", "authorities", "leadership",
            "delegation", "administration", "foreign ministry", "ministry", "cabinet", "parliament");
    private static final Map<String, String> EVENTS = Map.ofEntries(
            Map.entry("visit", "visit"), Map.entry("arrive", "visit"), Map.entry("meet", "meeting"),
            Map.entry("meeting", "meeting"), Map.entry("talks", "talks"), Map.entry("talk", "talks"), Map.entry("negotiate", "talks"),
            Map.entry("negotiation", "talks"), Map.entry("propose", "proposal"), Map.entry("proposal", "proposal"),
            Map.entry("demand", "demand"), Map.entry("warn", "warning"), Map.entry("threaten", "threat"),
            Map.entry("veto", "veto"), Map.entry("vote", "vote"), Map.entry("adopt", "resolution"),
            Map.entry("resolution", "resolution"), Map.entry("declare", "declaration"),
            Map.entry("declaration", "declaration"), Map.entry("recognize", "recognition"),
            Map.entry("recognise", "recognition"), Map.entry("recognition", "recognition"), Map.entry("agree", "agreement"),
            Map.entry("sign", "agreement"), Map.entry("agreement", "agreement"), Map.entry("bomb", "use-of-force"),
            Map.entry("bombing", "use-of-force"), Map.entry("attack", "use-of-force"), Map.entry("invade", "use-of-force"),
            Map.entry("appoint", "appointment"), Map.entry("nominate", "appointment"), Map.entry("elect", "appointment"));
    private static final Pattern TURN = Pattern.compile("(?m)(?:^|(?<=[.?!…”\"] ))([A-Z][A-Za-z.’'-]{1,25}(?: [A-Z][A-Za-z.’'-]{1,25})?):\\s");
    private static final Pattern TIMEX_DAY = Pattern.compile("^(\\d{4}|XXXX)-(\\d{2})(?:-(\\d{2}))?");
    private static final Pattern TIMEX_YEAR = Pattern.compile("^(\\d{4})$");
    private static final Pattern TIMEX_WEEK = Pattern.compile("^(\\d{4})-W(\\d{2})");
    private static final int MAX_PARSE_TOKENS = 150;

    private final CoreNlp nlp;
    private final Gazetteer gazetteer = Gazetteer.get();

    public DocumentExtractor(CoreNlp nlp) {
        this.nlp = nlp;
    }

    public Extraction extract(String text, DocumentMetadata meta) {
        return new Run(text, meta).run();
    }

    /** One document's extraction: the state the stages share. */
    private final class Run {
        final String text;
        final DocumentMetadata meta;
        final String published;
        final String docDate;
        final List<QuoteFinder.Quote> quotes;
        /** Verbs that report speech or writing, verbs that attribute a quotation next to them, offices (lemmas). */
        final Set<String> speech;
        final Set<String> attributing;
        final Set<String> offices;
        /** Verbs of thought and feeling that carry a speaker's quoted words ("worried that … “…”"). */
        final Set<String> thinking;
        /** "gov.=governor" lines: how titles are abbreviated. */
        final Set<String> titleAbbreviations;
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
        String narrativeDate;
        String storyYear;

        Run(String text, DocumentMetadata meta) {
            this.text = text;
            this.meta = meta == null ? DocumentMetadata.EMPTY : meta;
            this.published = this.meta.published();
            this.docDate = published != null && published.matches("\\d{4}-\\d{2}-\\d{2}") ? published : null;
            this.quotes = QuoteFinder.find(text);
            Lexicon words = Lexicon.forLanguage(this.meta.language());
            this.speech = words.words("speech-verbs");
            this.attributing = words.union("speech-verbs", "attribution-verbs");
            this.offices = words.words("offices");
            this.thinking = words.words("thought-verbs");
            this.titleAbbreviations = words.words("title-abbreviations");
        }

        Extraction run() {
            doc = nlp.annotate(text, docDate);
            collectEntities();
            int manifestSpeaker = manifestSpeaker();
            manifestSpeakerActor = manifestSpeaker;
            parseSpeechSentences();
            List<CoreSentence> sents = doc.sentences();
            for (int s = 0; s < sents.size(); s++) {
                updateNarrativeDate(s);
                attributeQuotesEndingIn(s);
                speech(s);
                embeddedQuotes(s);
                reportedByWordOrder(s);
                rolesIn(s);
                eventsIn(s);
                updateSalience(s);
            }
            unattributedQuotes();
            interviewTurns();
            if (manifestSpeaker >= 0) {
                speakerText(manifestSpeaker);
            }
            // three words or fewer inside a sentence are a term, a title or a scare quote ("the “Remain” camp")
            statements.removeIf(x -> x.kind() == StatementKind.DIRECT && x.cue() != null && wordCount(x.text()) < 4
                    && !opensSentence(x.start()));
            statements.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start())
                    : Integer.compare(a.end(), b.end()));
            for (int i = statements.size() - 1; i > 0; i--) {
                Extraction.SaidText x = statements.get(i);
                Extraction.SaidText y = statements.get(i - 1);
                if (x.start() == y.start() && x.end() == y.end() && x.speaker() == y.speaker()) {
                    statements.remove(i);
                }
            }
            return new Extraction(actors, mentions, statements, roles, events, warnings);
        }

        // ---- entities and local actors ---------------------------------------------------

        /** An entity mention in a sentence, with its actor once resolved. */
        final class Ent {
            final CoreEntityMention m;
            final String type;
            final int start;
            final int end;
            final int firstTok;
            final int lastTok;
            int actor = -1;
            String kind;
            /** A date's value, resolved once in document order (see {@link #timex}). */
            String value = "";

            Ent(CoreEntityMention m) {
                this.m = m;
                this.type = m.entityType();
                this.start = m.charOffsets().first();
                this.end = m.charOffsets().second();
                this.firstTok = m.tokens().get(0).index();
                this.lastTok = m.tokens().get(m.tokens().size() - 1).index();
            }

            String text() {
                return m.text();
            }

            boolean pronoun() {
                return type.equals("PERSON") && m.tokens().size() == 1
                        && m.tokens().get(0).tag() != null && m.tokens().get(0).tag().startsWith("PRP");
            }
        }

        void collectEntities() {
            List<Ent> persons = new ArrayList<>();
            for (CoreSentence s : doc.sentences()) {
                List<Ent> list = new ArrayList<>();
                for (CoreEntityMention m : s.entityMentions()) {
                    Ent e = new Ent(m);
                    list.add(e);
                    if (e.type.equals("PERSON") && !e.pronoun()) {
                        persons.add(e);
                    }
                }
                ents.add(list);
            }
            clusterPersons(persons);
            acronymsDefined();
            for (int si = 0; si < ents.size(); si++) {
                List<CoreLabel> toks = doc.sentences().get(si).tokens();
                for (Ent e : ents.get(si)) {
                    switch (e.type) {
                        case "ORGANIZATION" -> {
                            e.kind = "organization";
                            e.actor = org(e.text());
                        }
                        case "COUNTRY" -> {
                            e.kind = "state";
                            e.actor = state(e.text());
                        }
                        case "CITY", "LOCATION", "STATE_OR_PROVINCE" -> {
                            Optional<Gazetteer.State> asState = gazetteer.byName(e.text());
                            boolean capitalActing = gazetteer.byCapital(e.text()).isPresent() && actsAsSubject(toks, e);
                            if (e.type.equals("LOCATION") && asState.isEmpty() && e.text().matches("\\p{Lu}{3,8}")) {
                                e.kind = "organization"; // "UNMIK", "OSCE": an acronym names a body, not a place
                                e.actor = org(e.text());
                            } else if (e.type.equals("LOCATION") && asState.isPresent()) {
                                e.kind = "state";
                                e.actor = state(e.text());
                            } else if (capitalActing) {
                                e.kind = "state";
                                e.actor = stateOf(gazetteer.byCapital(e.text()).get(), e.text());
                            } else {
                                e.kind = "place";
                            }
                        }
                        case "NATIONALITY" -> {
                            String next = e.lastTok < toks.size() ? toks.get(e.lastTok).word().toLowerCase() : "";
                            Optional<Gazetteer.State> st = gazetteer.byDemonym(e.text());
                            if (st.isPresent() && STATE_BODIES.contains(next)) {
                                e.kind = "state";
                                e.actor = stateOf(st.get(), "the " + e.text() + " " + next);
                            }
                        }
                        case "TITLE" -> e.kind = "title";
                        case "DATE" -> {
                            e.kind = "date";
                            e.value = timex(e);
                        }
                        default -> {
                        }
                    }
                    if (e.kind != null && !e.kind.equals("date")) {
                        mentions.add(new Extraction.Mention(e.actor, e.kind, e.start, e.end, e.text()));
                    } else if ("date".equals(e.kind)) {
                        String iso = isoDate(e.value);
                        if (iso != null) {
                            mentions.add(new Extraction.Mention(-1, "date", e.start, e.end, iso));
                        }
                    }
                }
            }
            organisationsSpelledOtherwise();
        }

        /**
         * "K-For's peacekeepers" after "KFOR": a word the tagger left untagged that spells a named organisation
         * of the document is a mention of it.
         */
        void organisationsSpelledOtherwise() {
            for (int si = 0; si < ents.size(); si++) {
                for (CoreLabel t : doc.sentences().get(si).tokens()) {
                    if (!"O".equals(t.ner()) || !t.word().matches("\\p{Lu}[\\p{L}]*-\\p{Lu}[\\p{L}]*")) {
                        continue;
                    }
                    Integer a = actorByKey.get("o:" + NameKeys.orgKey(t.word()));
                    if (a != null) {
                        addForm(a, t.word());
                        mentions.add(new Extraction.Mention(a, "organization", t.beginPosition(), t.endPosition(), t.word()));
                    }
                }
            }
        }

        /** "a European Union (EU) high representative": the long form is a form of the acronym's organisation. */
        void acronymsDefined() {
            Matcher m = Pattern.compile("((?:\\p{Lu}[\\p{L}.'’-]*\\s+(?:(?:of|for|and|the|in)\\s+)*){1,8}(?:\\p{Ll}+\\s+)?)\\((\\p{Lu}{2,8})\\)").matcher(text);
            while (m.find()) {
                String acronym = m.group(2);
                String[] words = m.group(1).trim().split("\\s+");
                for (int k = 0; k < words.length; k++) {
                    String longForm = String.join(" ", java.util.Arrays.copyOfRange(words, k, words.length));
                    // "the UN mission (UNMIK)": a long form whose first word opens the acronym also defines it
                    boolean opens = words.length - k >= 2 && words[k].length() >= 2 && words[k].equals(words[k].toUpperCase())
                            && acronym.startsWith(words[k]) && !acronym.equals(words[k]);
                    if (NameKeys.initials(longForm).equalsIgnoreCase(acronym) || opens) {
                        int a = org(acronym);
                        addForm(a, longForm);
                        actorByKey.putIfAbsent("o:" + NameKeys.orgKey(longForm), a);
                        break;
                    }
                }
            }
        }

        /** A capital that does something ("Moscow has said", "Belgrade rejected") is its government. */
        boolean actsAsSubject(List<CoreLabel> toks, Ent e) {
            if (e.firstTok == 1) {
                return true; // "Belgrade, on the other hand, was…": a capital opening a sentence is its subject
            }
            if (e.lastTok >= toks.size()) {
                return false;
            }
            String next = toks.get(e.lastTok).word();
            String tag = toks.get(e.lastTok).tag();
            return next.equals("'s") || next.equals("’s") || tag != null && (tag.startsWith("VB") || tag.equals("MD"));
        }

        /**
         * Full names make clusters; a lone surname joins the one full name of the document that
         * ends with it, and stays apart when there are none or several (no merge without evidence).
         */
        void clusterPersons(List<Ent> persons) {
            persons.removeIf(e -> gazetteer.byDemonym(e.text()).isPresent() || gazetteer.byName(e.text()).isPresent()
                    && e.m.tokens().size() == 1);
            Set<String> notFirstNames = notFirstNames(persons);
            Map<String, List<Integer>> bySurname = new HashMap<>();
            for (Ent e : persons) {
                String name = unglued(stripPossessive(e.text()));
                List<String> tokens = NameKeys.personTokens(name);
                if (tokens.size() == 2 && notFirstNames.contains(tokens.get(0))) {
                    continue; // "Brzezinski Lavrov": two names run together (columns, lists), not a full name
                }
                if (tokens.size() >= 2) {
                    int a = actor("p:" + NameKeys.personKey(name), name, ActorKind.PERSON);
                    e.actor = a;
                    e.kind = "person";
                    bySurname.computeIfAbsent(NameKeys.surnameKey(name), k -> new ArrayList<>());
                    if (!bySurname.get(NameKeys.surnameKey(name)).contains(a)) {
                        bySurname.get(NameKeys.surnameKey(name)).add(a);
                    }
                }
            }
            for (Ent e : persons) {
                String name = unglued(stripPossessive(e.text()));
                if (e.actor < 0 && NameKeys.personTokens(name).size() >= 2) {
                    name = name.substring(name.lastIndexOf(' ') + 1); // a run-together name: only its surname counts
                }
                if (e.actor < 0) {
                    String key = NameKeys.surnameKey(name);
                    if (key.isEmpty()) {
                        continue;
                    }
                    List<Integer> full = bySurname.getOrDefault(key, List.of());
                    e.actor = full.size() == 1 ? full.get(0) : actor("p:" + key, name, ActorKind.PERSON);
                    e.kind = "person";
                }
                addForm(e.actor, name);
                String title = titleBefore(e);
                if (title != null) {
                    addForm(e.actor, title + " " + name);
                }
            }
        }

        /**
         * "Viktor Mizin The Ivanov": two names glued by layout (a column's last words, a caption) around a
         * capitalised function word; the name is what follows it.
         */
        String unglued(String name) {
            String[] w = name.split("\\s+");
            for (int i = w.length - 2; i >= 1; i--) {
                if (w[i].matches("The|A|An|In|Of|And|For|To|On|At|By|With")) {
                    return String.join(" ", java.util.Arrays.copyOfRange(w, i + 1, w.length));
                }
            }
            return name;
        }

        /**
         * Words that cannot be a first name here: another person's surname in this document, or part of a
         * place or organisation it names ("Helsinki" of the Helsinki Final Act).
         */
        Set<String> notFirstNames(List<Ent> persons) {
            Set<String> out = new java.util.HashSet<>();
            for (Ent e : persons) {
                List<String> t = NameKeys.personTokens(stripPossessive(e.text()));
                if (t.size() >= 2) {
                    out.add(t.get(t.size() - 1));
                }
            }
            for (List<Ent> list : ents) {
                for (Ent e : list) {
                    if (!e.type.equals("PERSON") && !e.type.equals("TITLE") && !e.type.equals("DATE")
                            && !e.type.equals("NUMBER")) {
                        for (String w : NameKeys.fold(e.text()).split(" ")) {
                            out.add(NameKeys.translit(w));
                        }
                    }
                }
            }
            // a name that is a document's full name in its own right stays possible
            for (Ent e : persons) {
                List<String> t = NameKeys.personTokens(stripPossessive(e.text()));
                if (t.size() >= 3) {
                    out.remove(t.get(0));
                }
            }
            return out;
        }

        /** "Ambassador" in "Ambassador Lavrov", "Dr." in "Dr. Mizin": the title word(s) right before a name. */
        String titleBefore(Ent e) {
            CoreSentence s = e.m.sentence();
            List<CoreLabel> toks = s.tokens();
            int i = e.firstTok - 2; // token before, 0-based
            if (i < 0) {
                return null;
            }
            CoreLabel t = toks.get(i);
            if (t.word().matches("(Mr|Mrs|Ms|Dr|Prof)\\.?")) {
                return t.word();
            }
            String lower = t.word().toLowerCase(Locale.ROOT);
            if (titleAbbreviations.stream().anyMatch(a -> a.startsWith(lower + "="))) {
                return t.word(); // "Gov. Anna Keller": an abbreviated title the tagger did not mark
            }
            if ("TITLE".equals(t.ner()) && Character.isUpperCase(t.word().charAt(0))) {
                int j = i;
                while (j > 0 && ("TITLE".equals(toks.get(j - 1).ner()) && Character.isUpperCase(toks.get(j - 1).word().charAt(0))
                        || j > 1 && toks.get(j - 1).word().equals("of") && "TITLE".equals(toks.get(j - 2).ner()))) {
                    j--; // "Under Secretary of State": the whole title
                }
                return text.substring(toks.get(j).beginPosition(), t.endPosition());
            }
            return null;
        }

        int org(String surface) {
            String name = stripPossessive(surface);
            String key = NameKeys.orgKey(name);
            // "the Council" or "Security Council" after "the UN Security Council": the one organisation it ends
            int ends = -1;
            int count = 0;
            for (Extraction.LocalActor a : actors) {
                if (a.kind() == ActorKind.ORGANIZATION && a.key().endsWith(key) && !a.key().equals("o:" + key)) {
                    ends = a.index();
                    count++;
                }
            }
            if (count == 1) {
                addForm(ends, name);
                return ends;
            }
            // "ABX" after "ABX Harbour Logistics Inc.": a company goes by the first word of its name
            if (name.matches("\\p{Lu}{2,6}")) {
                int company = -1;
                int companies = 0;
                for (Extraction.LocalActor a : actors) {
                    if (a.kind() == ActorKind.ORGANIZATION && a.name().startsWith(name + " ")
                            && a.forms().stream().anyMatch(NameKeys::hasLegalForm)) {
                        company = a.index();
                        companies++;
                    }
                }
                if (companies == 1) {
                    addForm(company, name);
                    return company;
                }
            }
            // "United Nations" and "UN" are one, by initials
            for (Extraction.LocalActor a : actors) {
                if (a.kind() == ActorKind.ORGANIZATION
                        && (NameKeys.initials(a.name()).equals(name) || NameKeys.initials(name).equals(a.name()))
                        && Math.max(a.name().length(), name.length()) > 3) {
                    addForm(a.index(), name);
                    return a.index();
                }
            }
            return actor("o:" + key, name, ActorKind.ORGANIZATION);
        }

        int state(String surface) {
            String name = stripPossessive(surface);
            return gazetteer.byName(name).map(s -> stateOf(s, name))
                    .orElseGet(() -> actor("s:" + NameKeys.fold(name), name, ActorKind.STATE));
        }

        int stateOf(Gazetteer.State s, String surface) {
            int a = actor("s:" + s.code(), s.name(), ActorKind.STATE);
            addForm(a, surface);
            return a;
        }

        int actor(String key, String name, ActorKind kind) {
            if (kind == ActorKind.PERSON) {
                name = NameKeys.withoutHonorifics(name);
            }
            Integer a = actorByKey.get(key);
            if (a == null) {
                a = actors.size();
                actors.add(new Extraction.LocalActor(a, name, kind, key, new LinkedHashSet<>()));
                actorByKey.put(key, a);
            }
            addForm(a, name);
            return a;
        }

        void addForm(int actor, String form) {
            if (actor < 0 || form == null || form.isBlank()) {
                return;
            }
            Extraction.LocalActor a = actors.get(actor);
            a.forms().add(form.strip());
            boolean bare = NameKeys.fold(form).split(" ").length == NameKeys.personTokens(form).size();
            if (form.length() > a.name().length() && a.kind() == ActorKind.PERSON && bare
                    && NameKeys.personKey(form).equals(NameKeys.personKey(a.name()))) {
                actors.set(actor, new Extraction.LocalActor(a.index(), form.strip(), a.kind(), a.key(), a.forms()));
            }
        }

        /** The speaker the manifest names, with the role and the state or body it speaks for. */
        int manifestSpeaker() {
            if (meta.speaker() == null) {
                return -1;
            }
            ActorKind kind = ActorKind.parse(meta.speakerKind());
            int a;
            if (kind == ActorKind.STATE) {
                a = state(meta.speaker());
            } else if (kind == ActorKind.ORGANIZATION) {
                a = org(meta.speaker());
            } else {
                String name = meta.speaker();
                a = NameKeys.personTokens(name).size() >= 2
                        ? actor("p:" + NameKeys.personKey(name), name, ActorKind.PERSON)
                        : actor("p:" + NameKeys.surnameKey(name), name, ActorKind.PERSON);
            }
            if (meta.speakerRole() != null || meta.speakerFor() != null) {
                int of = -1;
                if (meta.speakerFor() != null) {
                    of = gazetteer.byName(meta.speakerFor()).isPresent() ? state(meta.speakerFor()) : org(meta.speakerFor());
                }
                String title = meta.speakerRole() != null ? meta.speakerRole() : "speaker";
                roles.add(new Extraction.Role(a, title, of, published, 0, 0));
                titles.put(a, title.toLowerCase());
            }
            return a;
        }

        /** A statement found by a step, with the confidence that step has earned (Steps). */
        Extraction.SaidText said(int speaker, StatementKind kind, int start, int end, String date, String cue, String step) {
            return new Extraction.SaidText(speaker, kind, start, end, text.substring(start, end), date, cue, step,
                    Steps.confidence(step));
        }

        // ---- reported speech read off word order ----------------------------------------------

        /**
         * Reported speech whose content comes first ("The pilot had logged 6,000 hours, the airline said on Thursday.",
         * "…, the agency reported.") or that names its source with "according to" ("…, according to the ministry";
         * "According to X, …"). The parser hangs the content on the verb in the first order, which the clause
         * reader (words after the verb only) cannot see.
         */
        void reportedByWordOrder(int si) {
            CoreSentence s = doc.sentences().get(si);
            List<CoreLabel> toks = s.tokens();
            int end = s.charOffsets().second();
            while (end > s.charOffsets().first() && ".!?\"”' ".indexOf(text.charAt(end - 1)) >= 0) {
                end--;
            }
            // the attribution opens after one of the sentence's last three commas (", said X, its president")
            int commas = 0;
            for (int i = toks.size() - 1; i > 3 && commas < 3; i--) {
                CoreLabel t = toks.get(i);
                if (!t.word().equals(",") || quoteAt(t.beginPosition()) != null || i + 1 >= toks.size()) {
                    continue;
                }
                commas++;
                int speaker = -1;
                String cue = null;
                int after = i + 1;
                if (toks.get(after).word().equalsIgnoreCase("according") && after + 2 < toks.size()
                        && toks.get(after + 1).word().equals("to")) {
                    speaker = namedAt(si, toks, after + 2);
                    cue = "according to";
                } else if (firstWordAfter(toks, t.endPosition()) < 0) {
                    Attribution a = attributionAt(si, toks, after);
                    if (a != null && a.verb() >= 0 && speech.contains(lemma(toks.get(a.verb())))) {
                        int close = closingComma(toks, a.verb());
                        if (close > 0 && wordCount(text.substring(toks.get(close).endPosition(), end)) >= 4) {
                            // "A, Mr. Brandt said, B": the attribution inside the sentence; the words are A and B
                            addReported(a.speaker(), s.charOffsets().first(), end, dateOf(si), toks.get(a.verb()).word());
                            break;
                        }
                        if (restIsAdjunct(toks, a.verb())) {
                            speaker = a.speaker();
                            cue = toks.get(a.verb()).word();
                        }
                    }
                }
                if (speaker >= 0) {
                    addReported(speaker, s.charOffsets().first(), t.beginPosition(), dateOf(si), cue);
                    break;
                }
            }
            // "As the newspaper reported, …"
            if (toks.size() > 5 && toks.get(0).word().equalsIgnoreCase("as")) {
                Attribution a = attributionAt(si, toks, 1);
                if (a != null && a.verb() >= 0 && a.verb() + 1 < toks.size() && toks.get(a.verb() + 1).word().equals(",")
                        && speech.contains(lemma(toks.get(a.verb())))) {
                    addReported(a.speaker(), toks.get(a.verb() + 1).endPosition(), end, dateOf(si), toks.get(a.verb()).word());
                }
            }
            if (toks.size() > 4 && toks.get(0).word().equalsIgnoreCase("according") && toks.get(1).word().equals("to")) {
                int speaker = namedAt(si, toks, 2);
                for (int i = 3; i < toks.size() && speaker >= 0; i++) {
                    if (toks.get(i).word().equals(",")) {
                        addReported(speaker, toks.get(i).endPosition(), end, dateOf(si), "according to");
                        break;
                    }
                }
            }
        }

        /**
         * After a speech verb, only adjuncts to the sentence's end ("on Thursday", "in an interview with CNN"), or the
         * speaker's apposition and its relative clause (", said Tom Brandt, who chairs the committee …").
         */
        boolean restIsAdjunct(List<CoreLabel> toks, int verb) {
            int n = 0;
            for (int j = verb + 1; j < toks.size(); j++) {
                CoreLabel t = toks.get(j);
                if (t.word().equals(",") && j + 1 < toks.size() && toks.get(j + 1).word().matches("(?i)who|which|whose")) {
                    return n <= 12;
                }
                if (isFinite(t) || t.word().equals("that") || quoteAt(t.beginPosition()) != null) {
                    return false;
                }
                n++;
            }
            return n <= 12;
        }

        /** The comma that closes an attribution set inside a sentence ("…, Mr. Brandt said, …"), or -1. */
        int closingComma(List<CoreLabel> toks, int verb) {
            for (int j = verb + 1; j < toks.size() && j <= verb + 4; j++) {
                if (toks.get(j).word().equals(",")) {
                    return j + 1 < toks.size() && isVerbPhraseAhead(toks, j + 1) ? j : -1;
                }
                if (isFinite(toks.get(j))) {
                    return -1;
                }
            }
            return -1;
        }

        /** A finite verb within the next few words: the sentence's own predicate resumes ("…, he said, was even more popular"). */
        boolean isVerbPhraseAhead(List<CoreLabel> toks, int from) {
            for (int j = from; j < toks.size() && j < from + 6; j++) {
                if (isFinite(toks.get(j)) || "MD".equals(toks.get(j).tag())) {
                    return true;
                }
            }
            return false;
        }

        /** The actor named at token i ("according to Bloomberg", "according to the Labor Department"), or -1. */
        int namedAt(int si, List<CoreLabel> toks, int i) {
            for (int j = i; j < toks.size() && j <= i + 3; j++) {
                Ent e = entAt(si, toks.get(j).beginPosition());
                if (e != null && e.actor >= 0 && !possessive(e)) {
                    return e.actor;
                }
                if (toks.get(j).word().equals(",")) {
                    break;
                }
            }
            return -1;
        }

        void addReported(int speaker, int start, int end, String date, String cue) {
            while (start < end && (Character.isWhitespace(text.charAt(start)) || "\"“'‘".indexOf(text.charAt(start)) >= 0)) {
                start++;
            }
            while (end > start && ",.;: ".indexOf(text.charAt(end - 1)) >= 0) {
                end--;
            }
            if (wordCount(text.substring(start, end)) < 4 || quotedShare(start, end) > 0.5) {
                return;
            }
            for (Extraction.SaidText x : statements) {
                if (x.start() < end && x.end() > start && x.kind() == StatementKind.INDIRECT) {
                    return; // the parse found it already
                }
            }
            statements.add(said(speaker, StatementKind.INDIRECT, start, end, date, cue,
                    "according to".equals(cue) ? Steps.ACCORDING_TO : Steps.REPORTED_BEFORE));
        }

        // ---- a quotation's attribution next to it -------------------------------------------

        /** Who a quotation's attribution names, the cue word, and where the attribution ends. */
        record Attribution(int speaker, String cue, int end, int verb) {
            Attribution(int speaker, String cue, int end) {
                this(speaker, cue, end, -1);
            }
        }

        /** The speaker of the latest attributed quotation, and the sentence it was in. */
        int lastQuoteSpeaker = -1;
        int lastQuoteSentence = -10;

        /**
         * "…," said X / "…," X said / "…," he said / "…," the senator wrote: the attribution right after a
         * quotation's closing mark, read off the tokens and entities. The parser is not asked: it often takes
         * the quotation's last noun for the subject of an inverted "said". A quotation resumed right after
         * the attribution ("…," she said, "…") is the same speaker's.
         */
        void attributeQuotesEndingIn(int si) {
            CoreSentence s = doc.sentences().get(si);
            int from = s.charOffsets().first();
            int to = s.charOffsets().second();
            List<CoreLabel> toks = s.tokens();
            for (QuoteFinder.Quote q : quotes) {
                if (q.end() < from || q.end() >= to || quoteSpeaker.containsKey(q)) {
                    continue;
                }
                Attribution a = null;
                int k = firstWordAfter(toks, q.end());
                if (k >= 0) {
                    a = attributionAt(si, toks, k);
                } else if (si + 1 < doc.sentences().size() && q.text(text).matches("(?s).*[?!]\\W*")) {
                    // "…?" asked Sen. Keller: the splitter ended the sentence at the question mark
                    List<CoreLabel> next = doc.sentences().get(si + 1).tokens();
                    if (firstWordAfter(next, q.end()) == 0) {
                        a = attributionAt(si + 1, next, 0);
                        if (a != null && a.end() - next.get(0).beginPosition() > 80) {
                            a = null; // a sentence of its own, not an attribution
                        }
                    }
                }
                if (a == null) {
                    a = introducedBy(si, toks, q);
                }
                if (a == null) {
                    continue;
                }
                addQuote(q, a.speaker(), a.cue(), si, ":".equals(a.cue()) ? Steps.QUOTE_INTRODUCED : Steps.QUOTE_AFTER);
                QuoteFinder.Quote resumed = quoteAfter(a.end() - 1, to);
                if (resumed != null && !quoteSpeaker.containsKey(resumed)
                        && text.substring(a.end(), resumed.start()).matches("[\\s,:;—–-]*[\"“'‘«]{1,2}")) {
                    addQuote(resumed, a.speaker(), a.cue(), si, Steps.QUOTE_RESUMED);
                }
            }
        }

        /** "She then turned to the crowd: “…”", "Here is Keller in 1992: “…”": the person before the colon. */
        Attribution introducedBy(int si, List<CoreLabel> toks, QuoteFinder.Quote q) {
            if (!text.substring(Math.max(0, q.start() - 4), q.start()).matches("(?s).*:\\s*[\"“'‘«]{1,2}")) {
                return null;
            }
            int colon = -1;
            for (int i = 0; i < toks.size() && toks.get(i).beginPosition() < q.start(); i++) {
                if (toks.get(i).word().equals(":")) {
                    colon = i;
                }
            }
            if (colon < 0) {
                return null;
            }
            int clause = 0;
            for (int i = colon - 1; i >= 0; i--) {
                if (toks.get(i).word().matches("[;:]") || quoteAt(toks.get(i).beginPosition()) != null) {
                    clause = i + 1;
                    break;
                }
            }
            for (int i = clause; i < colon; i++) {
                CoreLabel t = toks.get(i);
                Ent e = entAt(si, t.beginPosition());
                if (e != null && e.actor >= 0 && "person".equals(e.kind) && !possessive(e)) {
                    return new Attribution(e.actor, ":", toks.get(colon).endPosition());
                }
                if (i == clause && HE_SHE.contains(t.word().toLowerCase(Locale.ROOT)) && personMeant(si) >= 0) {
                    return new Attribution(personMeant(si), ":", toks.get(colon).endPosition());
                }
            }
            return null;
        }

        void addQuote(QuoteFinder.Quote q, int speaker, String cue, int si, String step) {
            quoteSpeaker.put(q, speaker);
            statements.add(said(speaker, StatementKind.DIRECT, q.start(), q.end(), dateOf(si), cue, step));
            if (actors.get(speaker).kind() == ActorKind.PERSON) {
                lastQuoteSpeaker = speaker;
                lastQuoteSentence = si;
            }
        }

        /** The first word after a quotation's closing mark and its punctuation, or -1 if other words come between. */
        int firstWordAfter(List<CoreLabel> toks, int quoteEnd) {
            for (int i = 0; i < toks.size(); i++) {
                CoreLabel t = toks.get(i);
                if (t.beginPosition() < quoteEnd) {
                    continue;
                }
                if (t.word().matches("[\\p{Punct}“”‘’«»—–…]+")) {
                    continue;
                }
                String gap = text.substring(quoteEnd, t.beginPosition());
                return gap.matches("[\\s\"“”'’»,.?!…—–-]*") && gap.matches(".*[\"”'’»].*") && quoteAt(t.beginPosition()) == null
                        ? i : -1;
            }
            return -1;
        }

        /** The attribution that starts at token k: a verb then its speaker, or a speaker then its verb. */
        Attribution attributionAt(int si, List<CoreLabel> toks, int k) {
            CoreLabel first = toks.get(k);
            if (isVerb(first) && attributing.contains(lemma(first))) {
                // "…," said Anna Keller, an expert at …  /  "…," said another reader, Tom Brandt
                for (int j = k + 1; j < toks.size() && j <= k + 16; j++) {
                    CoreLabel t = toks.get(j);
                    if (quoteAt(t.beginPosition()) != null || t.word().equals(";")) {
                        break;
                    }
                    Ent e = entAt(si, t.beginPosition());
                    if (e != null && e.actor >= 0 && "person".equals(e.kind) && !possessive(e)) {
                        return new Attribution(e.actor, first.word(), e.end, k);
                    }
                }
                if (k + 1 < toks.size()) {
                    CoreLabel next = toks.get(k + 1);
                    Ent e = entAt(si, next.beginPosition());
                    if (e != null && e.actor >= 0 && !"person".equals(e.kind)) {
                        return new Attribution(e.actor, first.word(), e.end, k); // "…," said the State Department
                    }
                    if (HE_SHE.contains(next.word().toLowerCase(Locale.ROOT)) && personMeant(si) >= 0) {
                        return new Attribution(personMeant(si), first.word(), next.endPosition(), k);
                    }
                    int[] name = properName(toks, next.word().matches("(Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)\\.?") ? k + 2 : k + 1);
                    if (name != null) { // "…," said Tom Brandt: a name the tagger did not take for one
                        return new Attribution(nameActor(name), first.word(), name[1], k);
                    }
                }
                return null;
            }
            // "…," Ms. Keller said / "…," Tom Brandt, an adviser …, wrote / "…," he added
            int verb = -1;
            for (int j = k + 1; j < toks.size() && j <= k + 30; j++) {
                CoreLabel t = toks.get(j);
                if (quoteAt(t.beginPosition()) != null || t.word().equals(";")) {
                    break;
                }
                if (isFinite(t) && attributing.contains(lemma(t))) {
                    verb = j;
                    break;
                }
            }
            int subjectEnd = subjectEnd(si, toks, k);
            if (verb < 0 && subjectEnd > k && subjectEnd < toks.size() && isFinite(toks.get(subjectEnd))) {
                verb = subjectEnd; // "…," Brandt snapped: any verb right after the name
            }
            if (verb < 0) {
                return null;
            }
            int speaker = -1;
            int fallback = -1;
            Ent adjacent = entAt(si, toks.get(verb - 1).beginPosition());
            if (adjacent != null && adjacent.actor >= 0 && "person".equals(adjacent.kind)) {
                speaker = adjacent.actor; // "Keller campaign manager Tom Brandt said": the name next to the verb
            }
            for (int j = k; j < verb && speaker < 0; j++) {
                Ent e = entAt(si, toks.get(j).beginPosition());
                if (e == null || e.actor < 0) {
                    continue;
                }
                if ("person".equals(e.kind) && !possessive(e)) {
                    speaker = e.actor;
                } else if (fallback < 0 && !"person".equals(e.kind) && !possessive(e)) {
                    fallback = e.actor;
                }
            }
            String w = first.word().toLowerCase(Locale.ROOT);
            if (speaker < 0 && verb == k + 1 && HE_SHE.contains(w)) {
                speaker = personMeant(si);
            }
            Ent beforeVerb = entAt(si, toks.get(verb - 1).beginPosition());
            if (speaker < 0 && fallback >= 0 && (entAt(si, first.beginPosition()) != null
                    || beforeVerb != null && beforeVerb.actor == fallback)) {
                speaker = fallback; // "…, the agency reported": a body named right before the verb
            }
            if (speaker < 0) {
                int[] name = properName(toks, first.word().matches("(Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)\\.?") ? k + 1 : k);
                if (name != null && name[2] == verb) {
                    speaker = nameActor(name);
                }
            }
            if (speaker < 0) {
                speaker = described(si, toks, k, verb);
            }
            return speaker >= 0 ? new Attribution(speaker, toks.get(verb).word(), toks.get(verb).endPosition(), verb) : null;
        }

        /** The token after a subject that opens at k: a person's name, a pronoun or a proper name. */
        int subjectEnd(int si, List<CoreLabel> toks, int k) {
            CoreLabel t = toks.get(k);
            if (HE_SHE.contains(t.word().toLowerCase(Locale.ROOT))) {
                return k + 1;
            }
            Ent e = entAt(si, t.beginPosition());
            if (e != null && "person".equals(e.kind)) {
                return e.lastTok; // lastTok counts from 1: the token after the entity
            }
            int[] name = properName(toks, t.word().matches("(Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)\\.?") ? k + 1 : k);
            return name == null ? -1 : name[2];
        }

        /**
         * One to three capitalised proper nouns from token i ("Tom Brandt", "Keller"): {start, end, next token},
         * or null. Words the tagger knows for something else (a title, a place, an organisation) are no name.
         */
        int[] properName(List<CoreLabel> toks, int i) {
            int j = i;
            while (j < toks.size() && j < i + 3 && "NNP".equals(toks.get(j).tag())
                    && Character.isUpperCase(toks.get(j).word().charAt(0))
                    && ("O".equals(toks.get(j).ner()) || "PERSON".equals(toks.get(j).ner()))) {
                j++;
            }
            if (j == i) {
                return null;
            }
            return new int[] {toks.get(i).beginPosition(), toks.get(j - 1).endPosition(), j};
        }

        /** The person a bare name means: the document's one person of that surname, else a person of its own. */
        int nameActor(int[] name) {
            String surface = text.substring(name[0], name[1]);
            String key = NameKeys.surnameKey(surface);
            int found = -1;
            for (Extraction.LocalActor a : actors) {
                if (a.kind() == ActorKind.PERSON && NameKeys.surnameKey(a.name()).equals(key)) {
                    if (found >= 0 && found != a.index()) {
                        found = -2; // two people of that name: no guess
                        break;
                    }
                    found = a.index();
                }
            }
            if (found >= 0) {
                addForm(found, surface);
                return found;
            }
            return NameKeys.personTokens(surface).size() >= 2
                    ? actor("p:" + NameKeys.personKey(surface), surface, ActorKind.PERSON)
                    : actor("p:" + key, surface, ActorKind.PERSON);
        }

        /** "the senator", "the billionaire business mogul": the person the story is about, named as what they are. */
        int described(int si, List<CoreLabel> toks, int from, int verb) {
            if (!toks.get(from).word().equalsIgnoreCase("the") || verb - from > 6) {
                return -1; // "a spokeswoman said": someone unnamed
            }
            String head = lemma(toks.get(verb - 1));
            if (!offices.contains(head) && !Animacy.isPersonNoun(head)) {
                return -1;
            }
            int holder = titleHolder(si, head);
            return holder >= 0 ? holder : personMeant(si);
        }

        /**
         * "The former governor noted …" after "Former Gov. Anna Keller": the person last named before this
         * sentence with a title of that office (in a role, or written before the name, abbreviations expanded).
         */
        int titleHolder(int si, String office) {
            Set<Integer> holders = new java.util.HashSet<>();
            for (Map.Entry<Integer, String> held : titles.entrySet()) {
                if (expandTitle(held.getValue()).contains(office)) {
                    holders.add(held.getKey());
                }
            }
            for (Extraction.LocalActor a : actors) {
                if (a.kind() == ActorKind.PERSON) {
                    for (String form : a.forms()) {
                        String lead = form.toLowerCase(Locale.ROOT);
                        int cut = lead.indexOf(' ');
                        if (cut > 0 && expandTitle(lead.substring(0, cut)).equals(office)) {
                            holders.add(a.index());
                        }
                    }
                }
            }
            for (int i = Math.min(si, ents.size() - 1); i >= 0 && !holders.isEmpty(); i--) {
                List<Ent> list = ents.get(i);
                for (int j = list.size() - 1; j >= 0; j--) {
                    if (holders.contains(list.get(j).actor) && "person".equals(list.get(j).kind)) {
                        return list.get(j).actor;
                    }
                }
            }
            return -1;
        }

        /** "gov." is a governor, "sen." a senator: a title's abbreviations as the office nouns they stand for. */
        String expandTitle(String title) {
            String t = title.toLowerCase(Locale.ROOT);
            for (String line : titleAbbreviations) {
                String[] f = line.split("=");
                t = t.replaceAll("(?<![a-z])" + java.util.regex.Pattern.quote(f[0]) + "(?![a-z])", f[1]);
            }
            return t;
        }

        /**
         * "The Keller campaign said", "the Brandt administration says": a body named after a person (a common noun
         * that is not a person's, compounded with a name) is an organisation of its own, not the person.
         */
        int bodyOfNamed(int si, SemanticGraph g, IndexedWord subj, CoreLabel head, String lemma) {
            if (!"NN".equals(head.tag()) || Animacy.isPersonNoun(lemma) || offices.contains(lemma)) {
                return -1;
            }
            int from = head.beginPosition();
            boolean named = false;
            for (SemanticGraphEdge e : g.outgoingEdgeList(subj)) {
                if (e.getRelation().toString().startsWith("compound")) {
                    Ent n = entAt(si, doc.sentences().get(si).tokens().get(e.getDependent().index() - 1).beginPosition());
                    if (n != null && "person".equals(n.kind)) {
                        named = true;
                        from = Math.min(from, n.start);
                    }
                }
            }
            return named ? org(text.substring(from, head.endPosition())) : -1;
        }

        /** Who "he" or "she" next to a quotation is: the speaker of the quotation just before, else the salient person. */
        int personMeant(int si) {
            return lastQuoteSpeaker >= 0 && si - lastQuoteSentence <= 3 && lastQuoteSentence >= salientSentence
                    ? lastQuoteSpeaker : salientPerson;
        }

        boolean isVerb(CoreLabel t) {
            return t.tag() != null && t.tag().startsWith("VB");
        }

        boolean isFinite(CoreLabel t) {
            return "VBD".equals(t.tag()) || "VBZ".equals(t.tag()) || "VBP".equals(t.tag());
        }

        String lemma(CoreLabel t) {
            return t.lemma() == null ? t.word().toLowerCase(Locale.ROOT) : t.lemma().toLowerCase(Locale.ROOT);
        }

        // ---- speech ------------------------------------------------------------------------

        void parseSpeechSentences() {
            List<CoreMap> chosen = new ArrayList<>();
            for (int si = 0; si < doc.sentences().size(); si++) {
                CoreSentence s = doc.sentences().get(si);
                if (s.tokens().size() > MAX_PARSE_TOKENS) {
                    continue;
                }
                if (meta.speaker() != null && !mayReportOthers(si)) {
                    continue; // a speaker's "we have said" is the speaker's own text already (speakerText)
                }
                boolean speaks = false;
                for (CoreLabel t : s.tokens()) {
                    if (t.tag() != null && t.tag().startsWith("VB") && speech.contains(t.lemma())) {
                        speaks = true;
                        break;
                    }
                }
                if (speaks) {
                    chosen.add(s.coreMap()); // events are read from entities and word order: they need no parse
                }
            }
            nlp.parse(chosen);
        }

        /**
         * In a speech, whether a sentence can give someone else's words: it holds a quotation, or someone (an
         * entity that is not a number or a date, "he", "she", "they") is named before its last speech verb, where
         * the verb's subject is. The parse, the costliest step, runs only on those; in the rest ("We have always
         * said that...") the speaker speaks, and speakerText gives the speaker that text already.
         */
        boolean mayReportOthers(int si) {
            CoreSentence s = doc.sentences().get(si);
            int start = s.charOffsets().first();
            int end = s.charOffsets().second();
            for (QuoteFinder.Quote q : quotes) {
                if (q.start() < end && q.end() > start) {
                    return true;
                }
            }
            int lastVerb = -1;
            List<CoreLabel> toks = s.tokens();
            for (int i = 0; i < toks.size(); i++) {
                CoreLabel t = toks.get(i);
                if (t.tag() != null && t.tag().startsWith("VB") && speech.contains(t.lemma())) {
                    lastVerb = i;
                }
            }
            for (Ent e : ents.get(si)) {
                if (!NUMERIC.contains(e.type) && e.firstTok - 1 < lastVerb) { // firstTok counts from 1
                    return true;
                }
            }
            for (int i = 0; i < lastVerb; i++) {
                String w = toks.get(i).word().toLowerCase(Locale.ROOT);
                if (HE_SHE.contains(w) || w.equals("they")) {
                    return true;
                }
            }
            return false;
        }

        SemanticGraph graph(CoreSentence s) {
            return s.coreMap().get(SemanticGraphCoreAnnotations.EnhancedPlusPlusDependenciesAnnotation.class);
        }

        void speech(int si) {
            CoreSentence s = doc.sentences().get(si);
            SemanticGraph g = graph(s);
            if (g == null) {
                return;
            }
            List<CoreLabel> toks = s.tokens();
            List<Integer> verbs = new ArrayList<>();
            for (CoreLabel t : toks) {
                if (t.tag() != null && t.tag().startsWith("VB") && speech.contains(t.lemma())
                        && quoteAt(t.beginPosition()) == null && !bareParticiple(toks, t)) {
                    verbs.add(t.index());
                }
            }
            int previousSpeaker = -1;
            for (int vi = 0; vi < verbs.size(); vi++) {
                IndexedWord verb = g.getNodeByIndexSafe(verbs.get(vi));
                if (verb == null) {
                    continue;
                }
                int speaker = -1;
                // "condemned X, saying it violates…": the parser makes "saying" the mark of the clause it
                // introduces; the speaker is the subject of the verb that clause hangs from
                IndexedWord marked = null;
                IndexedWord subjectFrom = verb;
                for (SemanticGraphEdge e : g.incomingEdgeList(verb)) {
                    if (e.getRelation().toString().equals("mark")) {
                        marked = e.getGovernor();
                        for (SemanticGraphEdge up : g.incomingEdgeList(marked)) {
                            if (up.getRelation().toString().startsWith("advcl")) {
                                subjectFrom = up.getGovernor();
                            }
                        }
                    }
                }
                // the nearest subject that names someone: "criticised …, as analysts suggested, saying …"
                for (IndexedWord subj : subjectsOf(g, subjectFrom)) {
                    speaker = resolve(si, g, subj);
                    if (speaker >= 0) {
                        break;
                    }
                }
                if (speaker < 0 && previousSpeaker >= 0 && coordinated(g, verb)) {
                    speaker = previousSpeaker; // "Burns told …, and added that …"
                }
                if (speaker < 0) {
                    continue;
                }
                previousSpeaker = speaker;
                if (negatedOrPassive(g, verb)) {
                    continue; // "did not say where", "when asked whether": no statement
                }
                CoreLabel v = toks.get(verb.index() - 1);
                int limit = vi + 1 < verbs.size() ? toks.get(verbs.get(vi + 1) - 1).beginPosition() : s.charOffsets().second();
                QuoteFinder.Quote q = quoteAfter(v.endPosition(), limit);
                if (q != null && wordCount(q.text(text)) < 4 && !adjacent(v.endPosition(), q.start())) {
                    q = null; // a term in quotes inside reported speech ("proximity talks") is no quotation
                }
                if (q == null) {
                    q = quoteBefore(v.beginPosition(), s.charOffsets().first());
                }
                String date = dateOf(si, g, verb);
                if (q != null && !quoteSpeaker.containsKey(q)) {
                    quoteSpeaker.put(q, speaker);
                    statements.add(said(speaker, StatementKind.DIRECT, q.start(), q.end(), date, v.word(),
                            Steps.QUOTE_PARSE));
                }
                reported(g, verb, speaker, date, v.word());
                if (marked != null && subjectFrom != verb) {
                    clause(g, marked, verb, speaker, date, v.word());
                }
            }
        }

        /** "the solution proposed by the envoy": a participle with no auxiliary reports no one's speech here. */
        boolean bareParticiple(List<CoreLabel> toks, CoreLabel t) {
            if (!"VBN".equals(t.tag()) || t.index() < 2) {
                return false;
            }
            String before = lemma(toks.get(t.index() - 2));
            return !before.equals("have") && !before.equals("be") && !before.equals("not");
        }

        boolean negatedOrPassive(SemanticGraph g, IndexedWord verb) {
            for (SemanticGraphEdge e : g.outgoingEdgeList(verb)) {
                String rel = e.getRelation().toString();
                if (rel.equals("neg") || rel.equals("aux:pass") || rel.equals("nsubj:pass")
                        || rel.equals("advmod") && e.getDependent().word().equalsIgnoreCase("not")) {
                    return true;
                }
            }
            // a bare participle ("when asked") is passive
            boolean hasAux = g.outgoingEdgeList(verb).stream().anyMatch(e -> e.getRelation().toString().startsWith("aux"));
            return "VBN".equals(verb.tag()) && !hasAux;
        }

        /** The verb is joined to an earlier one by "and" or "but". */
        boolean coordinated(SemanticGraph g, IndexedWord verb) {
            return g.outgoingEdgeList(verb).stream().anyMatch(e -> e.getRelation().toString().equals("cc"));
        }

        /** Only a comma, colon or "that" between cue and quote. */
        boolean adjacent(int cueEnd, int quoteStart) {
            return text.substring(cueEnd, Math.max(cueEnd, quoteStart - 1)).matches("[\\s,:]*(that\\s*)?");
        }

        /** The subjects up the tree from a speech verb, nearest first: each clause's own, then its governor's. */
        List<IndexedWord> subjectsOf(SemanticGraph g, IndexedWord verb) {
            List<IndexedWord> out = new ArrayList<>();
            IndexedWord at = verb;
            for (int depth = 0; depth < 4 && at != null; depth++) {
                IndexedWord next = null;
                for (SemanticGraphEdge e : g.outgoingEdgeList(at)) {
                    String rel = e.getRelation().toString();
                    if ((rel.equals("nsubj") || rel.equals("nsubj:xsubj")) && !out.contains(e.getDependent())) {
                        out.add(e.getDependent());
                    }
                }
                // up past "saying" (dep, advcl), "and added" (conj), "to divide" (xcomp); a reported
                // clause (ccomp) has its own speaker and is never climbed out of
                for (SemanticGraphEdge e : g.incomingEdgeList(at)) {
                    String rel = e.getRelation().toString();
                    if (!rel.equals("ccomp") && !rel.equals("parataxis") && !rel.startsWith("csubj")) {
                        next = e.getGovernor();
                        break;
                    }
                }
                at = next;
            }
            return out;
        }

        /** The subject of a speech verb, climbing from "saying" or "and added" to the clause that has one. */
        IndexedWord subjectOf(SemanticGraph g, IndexedWord verb, int depth) {
            for (SemanticGraphEdge e : g.outgoingEdgeList(verb)) {
                String rel = e.getRelation().toString();
                if (rel.equals("nsubj") || rel.equals("nsubj:xsubj")) {
                    return e.getDependent();
                }
            }
            if (depth < 3) {
                // "confirmed the position, saying …" (acl of a noun), "and added" (conj), "…, adding" (advcl):
                // the subject is up the tree; a reported clause (ccomp) has its own and is never climbed out of
                for (SemanticGraphEdge e : g.incomingEdgeList(verb)) {
                    String rel = e.getRelation().toString();
                    if (!rel.equals("ccomp") && !rel.equals("parataxis") && !rel.startsWith("csubj")) {
                        IndexedWord s = subjectOf(g, e.getGovernor(), depth + 1);
                        if (s != null) {
                            return s;
                        }
                    }
                }
            }
            return null;
        }

        /** Who a subject token is: a named actor, a pronoun's antecedent, or an office's holder. */
        int resolve(int si, SemanticGraph g, IndexedWord subj) {
            CoreLabel t = doc.sentences().get(si).tokens().get(subj.index() - 1);
            if (quoteAt(t.beginPosition()) != null) {
                return -1; // "we said" inside someone's quote
            }
            Ent named = entAt(si, t.beginPosition());
            if (named != null && named.actor >= 0) {
                return named.actor;
            }
            if (named != null && named.pronoun() || HE_SHE.contains(t.word().toLowerCase())) {
                return salientPerson;
            }
            // a named actor inside the subject phrase: "Kosovo Prime Minister and former KLA commander Agim Ceku"
            int organisation = bodyOfNamed(si, g, subj, t, t.lemma() == null ? "" : t.lemma().toLowerCase());
            if (organisation >= 0) {
                return organisation;
            }
            int best = -1;
            for (IndexedWord w : nameParts(g, subj)) {
                Ent e = entAt(si, doc.sentences().get(si).tokens().get(w.index() - 1).beginPosition());
                if (e != null && e.actor >= 0 && (best < 0 || actors.get(e.actor).kind() == ActorKind.PERSON
                        && actors.get(best).kind() != ActorKind.PERSON)) {
                    best = e.actor;
                }
            }
            if (best >= 0) {
                return best;
            }
            String lemma = t.lemma() == null ? "" : t.lemma().toLowerCase();
            if (offices.contains(lemma) && "NN".equals(t.tag())) {
                int holder = titleHolder(si, lemma);
                return holder >= 0 ? holder : salientPerson;
            }
            if ("NNP".equals(t.tag()) && "O".equals(t.ner())) {
                // "Brandt said …": a name the tagger did not take for one is still the subject's name
                List<CoreLabel> toks = doc.sentences().get(si).tokens();
                int first = t.index() - 1;
                while (first > 0 && "NNP".equals(toks.get(first - 1).tag()) && "O".equals(toks.get(first - 1).ner())) {
                    first--;
                }
                int[] name = properName(toks, first);
                if (name != null && name[2] == t.index() && quoteAt(name[0]) == null) {
                    return nameActor(name);
                }
            }
            return -1;
        }

        /**
         * The words of a subject phrase that can name its speaker: compounds, appositions, flat names, possessors
         * and conjuncts ("Kosovo Prime Minister and former KLA commander Agim Ceku"), not what a preposition or a
         * relative clause attaches ("farmers in the region", "analysts who follow the bank").
         */
        List<IndexedWord> nameParts(SemanticGraph g, IndexedWord head) {
            List<IndexedWord> out = new ArrayList<>();
            java.util.ArrayDeque<IndexedWord> todo = new java.util.ArrayDeque<>(List.of(head));
            while (!todo.isEmpty() && out.size() < 40) {
                IndexedWord w = todo.pop();
                out.add(w);
                for (SemanticGraphEdge e : g.outgoingEdgeList(w)) {
                    String rel = e.getRelation().toString();
                    if ((rel.startsWith("compound") || rel.startsWith("flat") || rel.equals("appos") || rel.startsWith("conj")
                            || rel.equals("nmod:poss") || rel.equals("amod") || rel.equals("dep")) && !out.contains(e.getDependent())) {
                        todo.push(e.getDependent());
                    }
                }
            }
            return out;
        }

        /** "said it would undermine security": the clausal complement is the reported statement. */
        void reported(SemanticGraph g, IndexedWord verb, int speaker, String date, String cue) {
            for (SemanticGraphEdge e : g.outgoingEdgeList(verb)) {
                if (!e.getRelation().toString().equals("ccomp")) {
                    continue;
                }
                clause(g, e.getDependent(), verb, speaker, date, cue);
            }
        }

        /** The words of a reported clause after its speech verb, as an indirect statement (unless quoted). */
        void clause(SemanticGraph g, IndexedWord head, IndexedWord verb, int speaker, String date, String cue) {
            {
                int min = Integer.MAX_VALUE;
                int max = -1;
                for (IndexedWord w : g.descendants(head)) {
                    if (w.index() <= verb.index()) {
                        continue; // only what follows the verb
                    }
                    min = Math.min(min, w.beginPosition());
                    max = Math.max(max, w.endPosition());
                }
                if (max < 0 || max - min < 12) {
                    return;
                }
                String span = text.substring(min, max);
                if (span.matches("(?is)^(whether|if|where|what|how|why|when|who|which)\\b.*")) {
                    return; // an embedded question is not a statement
                }
                Matcher mark = Pattern.compile("^that\\s+").matcher(span);
                if (mark.find()) {
                    min += mark.end();
                }
                while (max > min && ",.;:\"“”'’ ".indexOf(text.charAt(max - 1)) >= 0) {
                    max--;
                }
                for (QuoteFinder.Quote q : quotes) {
                    // "said X, “Y”": X is reported, Y is quoted (its own statement); a quotation inside the clause
                    // ("said he appreciates a good “peaceful protest”") is part of it
                    if (q.start() > min + 12 && q.start() < max
                            && text.substring(min, q.start()).matches("(?s).*[,:;—–]\\s*[\"“'‘«]{1,2}")) {
                        max = q.start();
                        while (max > min && ",.;:\"“”'’ ".indexOf(text.charAt(max - 1)) >= 0) {
                            max--;
                        }
                        break;
                    }
                }
                if (quotedShare(min, max) > 0.5 || max - min < 12) {
                    return; // a quote: the direct statement says it
                }
                statements.add(said(speaker, StatementKind.INDIRECT, min, max, date, cue, Steps.REPORTED_CLAUSE));
            }
        }

        double quotedShare(int start, int end) {
            int quoted = 0;
            for (QuoteFinder.Quote q : quotes) {
                quoted += Math.max(0, Math.min(end, q.end()) - Math.max(start, q.start()));
            }
            return end > start ? (double) quoted / (end - start) : 0;
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

        /**
         * Quoted words inside a sentence that reports someone's speech or thought ("Keller worried that the plan was
         * becoming “a tax on the people who can least afford it”", "Brandt wrote that officials made “repeated
         * requests” …, “and even asked to cancel the meeting”"): four words or more, after a verb of speech, attribution or thought whose subject is named.
         */
        void embeddedQuotes(int si) {
            CoreSentence s = doc.sentences().get(si);
            int from = s.charOffsets().first();
            int to = s.charOffsets().second();
            List<CoreLabel> toks = s.tokens();
            for (QuoteFinder.Quote q : quotes) {
                if (q.start() < from || q.start() >= to || quoteSpeaker.containsKey(q) || wordCount(q.text(text)) < 4) {
                    continue;
                }
                int verb = -1;
                for (int i = 0; i < toks.size() && toks.get(i).beginPosition() < q.start(); i++) {
                    CoreLabel t = toks.get(i);
                    String l = lemma(t);
                    if (isVerb(t) && quoteAt(t.beginPosition()) == null && !bareParticiple(toks, t)
                            && (attributing.contains(l) || thinking.contains(l))) {
                        verb = i;
                    }
                }
                if (verb < 0) {
                    continue;
                }
                int speaker = subjectBefore(si, toks, verb);
                if (speaker >= 0) {
                    addQuote(q, speaker, toks.get(verb).word(), si, Steps.QUOTE_EMBEDDED);
                }
            }
        }

        /** The named subject of a verb: the parse's, else the person named nearest before it, else "he"/"she" opening the sentence. */
        int subjectBefore(int si, List<CoreLabel> toks, int verb) {
            SemanticGraph g = graph(doc.sentences().get(si));
            if (g != null) {
                IndexedWord v = g.getNodeByIndexSafe(verb + 1);
                if (v != null) {
                    for (IndexedWord subj : subjectsOf(g, v)) {
                        int a = resolve(si, g, subj);
                        if (a >= 0) {
                            return a;
                        }
                    }
                    return -1;
                }
            }
            for (int i = verb - 1; i >= 0 && i >= verb - 25; i--) {
                CoreLabel t = toks.get(i);
                if (quoteAt(t.beginPosition()) != null || t.word().equals(";")) {
                    break;
                }
                Ent e = entAt(si, t.beginPosition());
                if (e != null && e.actor >= 0 && "person".equals(e.kind) && !possessive(e)) {
                    return e.actor;
                }
            }
            String first = toks.get(0).word().toLowerCase(Locale.ROOT);
            return HE_SHE.contains(first) && verb <= 3 ? personMeant(si) : -1;
        }

        /** Quotes no cue claimed: a run-on or next quote of the same speaker, else a scare quote or a title. */
        void unattributedQuotes() {
            QuoteFinder.Quote prev = null;
            for (QuoteFinder.Quote q : quotes) {
                Integer speaker = quoteSpeaker.get(q);
                if (speaker == null && prev != null && quoteSpeaker.containsKey(prev)) {
                    boolean runOn = q.continued();
                    boolean sameParagraph = !text.substring(prev.end(), q.start()).contains("\n\n");
                    boolean opensSentence = opensSentence(q) && wordCount(q.text(text)) >= 4;
                    // a paragraph that is a quotation, after a paragraph whose last quotation is someone's
                    boolean nextParagraph = opensParagraph(q) && wordCount(q.text(text)) >= 4
                            && text.substring(prev.end(), q.start()).split("\n\s*\n", -1).length == 2;
                    if (runOn || sameParagraph && opensSentence || nextParagraph) {
                        speaker = quoteSpeaker.get(prev);
                        quoteSpeaker.put(q, speaker);
                        statements.add(said(speaker, StatementKind.DIRECT, q.start(), q.end(), dateAt(q.start()), null,
                                Steps.QUOTE_CONTINUED));
                    }
                }
                prev = q;
            }
        }

        boolean opensSentence(QuoteFinder.Quote q) {
            return opensSentence(q.start());
        }

        boolean opensSentence(int quoteStart) {
            int i = beforeMark(quoteStart);
            while (i >= 0 && text.charAt(i) == ' ') {
                i--;
            }
            return i < 0 || ".!?\n”\"'".indexOf(text.charAt(i)) >= 0;
        }

        boolean opensParagraph(QuoteFinder.Quote q) {
            int i = beforeMark(q.start());
            while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
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

        /**
         * Interviews: "EIR: question" and "Mizin: answer" turns. The label whose turns mostly ask is the
         * interviewer; the other turns are the interviewee's statements.
         */
        void interviewTurns() {
            Matcher m = TURN.matcher(text);
            List<int[]> turns = new ArrayList<>(); // label start, label end, text start
            Map<String, Integer> counts = new HashMap<>();
            while (m.find()) {
                turns.add(new int[] {m.start(1), m.end(1), m.end()});
                counts.merge(m.group(1), 1, Integer::sum);
            }
            counts.values().removeIf(c -> c < 2);
            if (counts.size() < 2) {
                return;
            }
            turns.removeIf(t -> !counts.containsKey(text.substring(t[0], t[1])));
            Map<String, int[]> asks = new HashMap<>(); // label -> {questions, turns}
            for (int i = 0; i < turns.size(); i++) {
                String label = text.substring(turns.get(i)[0], turns.get(i)[1]);
                int end = i + 1 < turns.size() ? turns.get(i + 1)[0] : text.length();
                String body = text.substring(turns.get(i)[2], end);
                int[] a = asks.computeIfAbsent(label, k -> new int[2]);
                a[0] += body.contains("?") ? 1 : 0;
                a[1]++;
            }
            for (int i = 0; i < turns.size(); i++) {
                String label = text.substring(turns.get(i)[0], turns.get(i)[1]);
                int[] a = asks.get(label);
                if (a[0] * 2 > a[1]) {
                    continue; // the interviewer's questions
                }
                int speaker = labelActor(label);
                if (speaker < 0) {
                    continue;
                }
                int start = turns.get(i)[2];
                int end = i + 1 < turns.size() ? turns.get(i + 1)[0] : text.length();
                while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
                    end--;
                }
                if (end - start > 2) {
                    statements.add(said(speaker, StatementKind.DIRECT, start, end, published, null, Steps.INTERVIEW_TURN));
                }
            }
        }

        /** "Mizin" names the document's Viktor Mizin; an unknown label becomes a person of its own. */
        int labelActor(String label) {
            String key = NameKeys.surnameKey(label);
            for (Extraction.LocalActor a : actors) {
                if (a.kind() == ActorKind.PERSON && NameKeys.surnameKey(a.name()).equals(key)) {
                    addForm(a.index(), label);
                    return a.index();
                }
            }
            return label.length() > 3 && !label.equals(label.toUpperCase())
                    ? actor("p:" + key, label, ActorKind.PERSON) : -1;
        }

        /** A speech, op-ed or statement: its unquoted text, paragraph by paragraph, is the manifest speaker's. */
        void speakerText(int speaker) {
            List<int[]> others = new ArrayList<>();
            for (Map.Entry<QuoteFinder.Quote, Integer> e : quoteSpeaker.entrySet()) {
                if (e.getValue() != speaker) {
                    others.add(new int[] {e.getKey().start(), e.getKey().end()});
                }
            }
            int pos = 0;
            int firstBody = firstBodyParagraph();
            while (pos < text.length()) {
                int end = text.indexOf("\n\n", pos);
                end = end < 0 ? text.length() : end;
                if (pos >= firstBody) {
                    int from = pos;
                    int paragraphStart = pos;
                    for (int[] o : others.stream().filter(o -> o[0] >= paragraphStart)
                            .sorted((a, b) -> a[0] - b[0]).toList()) {
                        if (o[0] < end && o[0] > from) {
                            addOwn(speaker, from, o[0] - 1);
                            from = Math.min(end, o[1] + 1);
                        }
                    }
                    addOwn(speaker, from, end);
                }
                pos = end + 2;
            }
        }

        /** Paragraphs before the first one of prose (title, byline) are not the speaker's statement. */
        int firstBodyParagraph() {
            int pos = 0;
            while (pos < text.length()) {
                int end = text.indexOf("\n\n", pos);
                end = end < 0 ? text.length() : end;
                String p = text.substring(pos, end).strip();
                if (wordCount(p) >= 12) {
                    return pos;
                }
                pos = end + 2;
            }
            return 0;
        }

        void addOwn(int speaker, int start, int end) {
            while (start < end && Character.isWhitespace(text.charAt(start))) {
                start++;
            }
            while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            if (wordCount(text.substring(start, end)) >= 3) {
                statements.add(said(speaker, StatementKind.INDIRECT, start, end, published, null, Steps.SPEAKER_TEXT));
            }
        }

        // ---- roles -------------------------------------------------------------------------

        /**
         * "Foreign Minister Igor Ivanov", "Russia's ambassador to the UN, Sergei Lavrov",
         * "Viktor Mizin is a counselor at the Russian UN Mission": a title next to a person,
         * and the state or organisation it is held in.
         */
        void rolesIn(int si) {
            CoreSentence s = doc.sentences().get(si);
            List<CoreLabel> toks = s.tokens();
            List<Ent> list = ents.get(si);
            for (int i = 0; i < list.size(); i++) {
                Ent e = list.get(i);
                if (!"title".equals(e.kind) || quoteAt(e.start) != null) {
                    continue;
                }
                int person = -1;
                int end = e.end;
                // TITLE directly before PERSON
                if (i + 1 < list.size() && list.get(i + 1).firstTok == e.lastTok + 1 && "person".equals(list.get(i + 1).kind)) {
                    person = list.get(i + 1).actor;
                    end = list.get(i + 1).end;
                }
                // "TITLE (to|of ORG), PERSON" apposition
                if (person < 0) {
                    for (int j = i + 1; j < list.size() && j <= i + 3; j++) {
                        Ent p = list.get(j);
                        if ("person".equals(p.kind) && p.firstTok >= 2 && toks.get(p.firstTok - 2).word().equals(",")
                                && p.firstTok - e.lastTok <= 6) {
                            person = p.actor;
                            end = p.end;
                            break;
                        }
                    }
                }
                // "PERSON is a TITLE" / "PERSON, (the) TITLE"
                if (person < 0 && i > 0) {
                    Ent p = list.get(i - 1);
                    String between = text.substring(p.end, e.start);
                    if ("person".equals(p.kind) && between.matches("(,? (is|was|has been|became) (a|an|the) |, (the |a |an )?)([A-Za-z’'-]+ ){0,3}")) {
                        person = p.actor;
                    }
                }
                if (person < 0) {
                    continue;
                }
                int of = ofWhat(list, i, e);
                String title = e.text();
                String after = text.substring(e.end, Math.min(text.length(), e.end + 40));
                Matcher to = Pattern.compile("^ (to|of|at) (the )?([A-Z][\\w.]*(?: [A-Z][\\w.]*)*)").matcher(after);
                if (to.find()) {
                    title = title + " " + to.group(1) + " " + (to.group(2) == null ? "" : to.group(2)) + to.group(3);
                }
                roles.add(new Extraction.Role(person, title.replaceAll("\\s+", " "), of, dateOf(si),
                        Math.min(e.start, roleStart(list, i)), Math.max(end, e.end)));
                titles.put(person, e.text().toLowerCase());
            }
        }

        int roleStart(List<Ent> list, int i) {
            return i > 0 && list.get(i - 1).lastTok >= list.get(i).firstTok - 3 && list.get(i - 1).actor >= 0
                    && !"person".equals(list.get(i - 1).kind) ? list.get(i - 1).start : list.get(i).start;
        }

        /** The state or organisation of a title: "Russia's ambassador", "Russian Foreign Minister", "at the UN Mission". */
        int ofWhat(List<Ent> list, int i, Ent title) {
            if (i > 0) {
                Ent before = list.get(i - 1);
                if (before.lastTok >= title.firstTok - 2) {
                    if (before.actor >= 0 && !"person".equals(before.kind)) {
                        return before.actor;
                    }
                    if ("NATIONALITY".equals(before.type)) {
                        Optional<Gazetteer.State> st = gazetteer.byDemonym(before.text());
                        if (st.isPresent()) {
                            return stateOf(st.get(), st.get().name());
                        }
                    }
                }
            }
            for (int j = i + 1; j < list.size() && j <= i + 2; j++) {
                Ent after = list.get(j);
                if (after.firstTok - title.lastTok <= 4 && after.actor >= 0 && !"person".equals(after.kind)) {
                    return after.actor;
                }
            }
            return -1;
        }

        // ---- events ------------------------------------------------------------------------

        void eventsIn(int si) {
            CoreSentence s = doc.sentences().get(si);
            for (CoreLabel t : s.tokens()) {
                String kind = t.lemma() == null ? null : EVENTS.get(t.lemma().toLowerCase());
                if (kind == null || quoteAt(t.beginPosition()) != null) {
                    continue;
                }
                boolean verb = t.tag() != null && t.tag().startsWith("VB");
                List<Integer> who = new ArrayList<>();
                int target = -1;
                String place = null;
                for (Ent e : ents.get(si)) {
                    if (quoteAt(e.start) != null) {
                        continue;
                    }
                    if (e.actor >= 0 && e.end <= t.beginPosition() && !who.contains(e.actor)) {
                        who.add(e.actor);
                    } else if (e.actor >= 0 && e.start >= t.endPosition() && target < 0) {
                        target = e.actor;
                    }
                    if ("place".equals(e.kind) && place == null || "state".equals(e.kind) && place == null
                            && e.start > t.endPosition() && kind.equals("visit")) {
                        place = e.text();
                    }
                }
                if (who.isEmpty()) {
                    // "when Pristina … declared": a capital before the trigger is its state
                    for (Ent e : ents.get(si)) {
                        if (e.end <= t.beginPosition() && "place".equals(e.kind) && quoteAt(e.start) == null
                                && gazetteer.byCapital(e.text()).isPresent()) {
                            who.add(stateOf(gazetteer.byCapital(e.text()).get(), e.text()));
                        }
                    }
                }
                if (who.isEmpty() || !verb && target < 0) {
                    continue;
                }
                // keep the actors nearest the trigger: the subject side of the clause
                if (who.size() > 2) {
                    who = who.subList(who.size() - 2, who.size());
                }
                int start = s.charOffsets().first();
                int end = s.charOffsets().second();
                events.add(new Extraction.Happening(kind, List.copyOf(who), target, place, eventDate(si, t), start, end,
                        text.substring(start, end)));
                return; // one event a sentence: its main happening
            }
            datedHappening(si);
        }

        /**
         * A sentence that says when an actor did something ("Dr. Mizin spoke with … on March 24", "Then, in 2007,
         * we came out against it") is an event of its own (kind other), dated by what it says.
         */
        void datedHappening(int si) {
            CoreSentence s = doc.sentences().get(si);
            Ent date = null;
            List<Integer> who = new ArrayList<>();
            for (Ent e : ents.get(si)) {
                if ("date".equals(e.kind) && date == null && isoDate(e.value) != null) {
                    date = e;
                } else if (e.actor >= 0 && !who.contains(e.actor) && who.size() < 2) {
                    who.add(e.actor);
                }
            }
            if (date == null) {
                return;
            }
            if (who.isEmpty() && manifestSpeakerActor >= 0 && s.tokens().stream()
                    .anyMatch(t -> t.word().equals("we") || t.word().equals("We") || t.word().equals("I"))) {
                who.add(manifestSpeakerActor); // a speech: "we" is the speaker's side
            }
            if (who.isEmpty()) {
                return;
            }
            int start = s.charOffsets().first();
            int end = s.charOffsets().second();
            events.add(new Extraction.Happening("other", List.copyOf(who), -1, null, isoDate(date.value), start, end,
                    text.substring(start, end)));
        }

        /** An event's date: the date written nearest its trigger (a plan may be dated after publication), else the story's. */
        String eventDate(int si, CoreLabel trigger) {
            String best = null;
            int distance = Integer.MAX_VALUE;
            int opening = openingClauseEnd(si);
            for (Ent e : ents.get(si)) {
                if ("date".equals(e.kind) && e.lastTok <= opening && e.lastTok < trigger.index() && quoteAt(e.start) == null
                        && isoDate(e.value) != null) {
                    return isoDate(e.value); // "On July 18, X declared that … by the end of 2007": the act's own date
                }
            }
            for (Ent e : ents.get(si)) {
                if (!"date".equals(e.kind) || quoteAt(e.start) != null && quoteAt(trigger.beginPosition()) == null) {
                    continue;
                }
                String iso = isoDate(e.value);
                int d = Math.abs(e.firstTok - trigger.index());
                if (iso != null && d < distance) {
                    best = iso;
                    distance = d;
                }
            }
            return best != null ? best : narrativeDate != null ? narrativeDate : published;
        }

        // ---- dates -------------------------------------------------------------------------

        /** When the verb's act happened: a date attached to it ("declared on July 14"), else the story's current date. */
        String dateOf(int si, SemanticGraph g, IndexedWord verb) {
            for (Ent e : ents.get(si)) {
                if (!"date".equals(e.kind) || quoteAt(e.start) != null) {
                    continue;
                }
                for (int t = e.firstTok; t <= e.lastTok; t++) {
                    IndexedWord w = g.getNodeByIndexSafe(t);
                    if (w != null && g.getParents(w).contains(verb)) {
                        String iso = isoDate(e.value);
                        if (iso != null && notAfterPublication(iso)) {
                            return iso;
                        }
                    }
                }
            }
            return narrativeDate != null ? narrativeDate : published;
        }

        /** The date a sentence reports: its own date expression, else the story's current date, else publication. */
        String dateOf(int si) {
            for (Ent e : ents.get(si)) {
                if ("date".equals(e.kind) && quoteAt(e.start) == null) {
                    String iso = isoDate(e.value);
                    if (iso != null && notAfterPublication(iso)) {
                        return iso;
                    }
                }
            }
            return narrativeDate != null ? narrativeDate : published;
        }

        String dateAt(int offset) {
            List<CoreSentence> sents = doc.sentences();
            for (int i = 0; i < sents.size(); i++) {
                if (sents.get(i).charOffsets().second() >= offset) {
                    return dateOf(i);
                }
            }
            return published;
        }

        /**
         * A day or month that opens a sentence ("On July 18, …", "Yesterday, …") becomes the date of what the
         * story tells next; dates in subordinate clauses ("when he met … last month") do not move it.
         */
        void updateNarrativeDate(int si) {
            if (meta.speaker() != null) {
                return; // a speech is dated by its delivery, not by the dates it recalls
            }
            int openingClause = openingClauseEnd(si);
            for (Ent e : ents.get(si)) {
                if ("date".equals(e.kind) && quoteAt(e.start) == null && e.firstTok <= openingClause) {
                    String iso = isoDate(e.value);
                    if (iso != null && iso.length() >= 7 && notAfterPublication(iso)) {
                        narrativeDate = iso;
                    }
                }
            }
        }

        /** The last token (from 1) of a sentence's opening clause: "On July 18," "At the end of the conflict in June 1999,". */
        int openingClauseEnd(int si) {
            List<CoreLabel> toks = doc.sentences().get(si).tokens();
            for (int i = 0; i < toks.size() && i < 15; i++) {
                if (toks.get(i).word().equals(",")) {
                    return Math.max(4, i);
                }
            }
            return 4;
        }

        boolean notAfterPublication(String iso) {
            return published == null || iso.compareTo(published) <= 0 || iso.startsWith(published)
                    || published.startsWith(iso);
        }

        /**
         * SUTime's value; a date written without its year ("on June 12") takes the year the story is in —
         * the last date written with year and month ("in June 1999") — rather than the publication's.
         */
        String timex(Ent e) {
            String v = e.m.coreMap().get(CoreAnnotations.NormalizedNamedEntityTagAnnotation.class);
            if (v == null) {
                return "";
            }
            boolean yearWritten = e.text().matches("(?s).*\\b\\d{4}\\b.*");
            if (yearWritten && v.matches("^\\d{4}-\\d{2}.*") && quoteAt(e.start) == null) {
                storyYear = v.substring(0, 4);
            } else if (!yearWritten && storyYear != null && v.matches("^\\d{4}-\\d{2}.*")
                    && !e.text().matches("(?i).*\\b(yesterday|today|tomorrow|last|next|this|ago)\\b.*")) {
                v = storyYear + v.substring(4);
            }
            return v;
        }

        /** SUTime's value as ISO 8601 with the precision the text supports, or null. */
        String isoDate(String timex) {
            Matcher w = TIMEX_WEEK.matcher(timex);
            if (w.find()) {
                java.time.LocalDate monday = java.time.LocalDate.of(Integer.parseInt(w.group(1)), 1, 4)
                        .with(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR, Integer.parseInt(w.group(2)))
                        .with(java.time.DayOfWeek.MONDAY);
                return monday.toString().substring(0, 7);
            }
            Matcher d = TIMEX_DAY.matcher(timex);
            if (d.find()) {
                String year = d.group(1);
                if (year.equals("XXXX")) {
                    if (published == null) {
                        return null;
                    }
                    year = published.substring(0, 4);
                }
                if (Integer.parseInt(year) < 1800) {
                    return null;
                }
                return year + "-" + d.group(2) + (d.group(3) != null ? "-" + d.group(3) : "");
            }
            Matcher y = TIMEX_YEAR.matcher(timex);
            if (y.find()) {
                int year = Integer.parseInt(y.group(1));
                return year >= 1800 && year <= 2100 ? y.group(1) : null;
            }
            return null;
        }

        // ---- salience and helpers ------------------------------------------------------------

        /** The person a later "he" or "the envoy" most likely means: this sentence's subject person. */
        void updateSalience(int si) {
            if (lastQuoteSentence == si) {
                salientPerson = lastQuoteSpeaker; // the sentence gave a person's words: they are who it is about
                salientSentence = si;
                return;
            }
            if (updateSalienceFromSubject(si)) {
                salientSentence = si;
            }
        }

        boolean updateSalienceFromSubject(int si) {
            SemanticGraph g = graph(doc.sentences().get(si));
            if (g != null) {
                for (IndexedWord root : g.getRoots()) {
                    IndexedWord subj = subjectOf(g, root, 0);
                    if (subj != null) {
                        int a = resolve(si, g, subj);
                        if (a >= 0 && actors.get(a).kind() == ActorKind.PERSON) {
                            salientPerson = a;
                            return true;
                        }
                    }
                }
            }
            for (Ent e : ents.get(si)) {
                if ("person".equals(e.kind) && quoteAt(e.start) == null && !possessive(e)) {
                    salientPerson = e.actor;
                    return true;
                }
            }
            return false;
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

    static String stripPossessive(String s) {
        return s.replaceAll("['’]s?$", "").strip();
    }

    static int wordCount(String s) {
        String t = s.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }
}
