package org.demarche.nlp.steps;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.CoreEntityMention;
import edu.stanford.nlp.pipeline.CoreSentence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.demarche.model.ActorKind;
import org.demarche.model.Extraction;
import org.demarche.nlp.Gazetteer;
import org.demarche.nlp.NameKeys;

/** Entity mentions as local actors: persons clustered by name, organisations, states, places, titles and dates. */
public final class Mentions implements DocumentStep {

    @Override
    public String name() {
        return "mentions";
    }

    @Override
    public Set<Key> requires() {
        return Set.of(Key.TOKENS);
    }

    @Override
    public Set<Key> adds() {
        return Set.of(Key.ACTORS);
    }

    @Override
    public void apply(ExtractionContext c) {
        List<Ent> persons = new ArrayList<>();
        for (CoreSentence s : c.doc.sentences()) {
            List<Ent> list = new ArrayList<>();
            for (CoreEntityMention m : s.entityMentions()) {
                Ent e = new Ent(m);
                list.add(e);
                if (e.type.equals("PERSON") && !e.pronoun()) {
                    persons.add(e);
                }
            }
            c.ents.add(list);
        }
        clusterPersons(c, persons);
        acronymsDefined(c);
        for (int si = 0; si < c.ents.size(); si++) {
            List<CoreLabel> toks = c.doc.sentences().get(si).tokens();
            for (Ent e : c.ents.get(si)) {
                switch (e.type) {
                    case "ORGANIZATION" -> {
                        e.kind = "organization";
                        e.actor = LocalActors.org(c, e.text());
                        placeNamedBefore(c, si, toks, e);
                    }
                    case "COUNTRY" -> {
                        int body = legislature(c, toks, e, c.gazetteer.byName(Tokens.stripPossessive(e.text())));
                        e.kind = body >= 0 ? "organization" : "state";
                        e.actor = body >= 0 ? body : LocalActors.state(c, e.text());
                    }
                    case "CITY", "LOCATION", "STATE_OR_PROVINCE" -> {
                        Optional<Gazetteer.State> asState = c.gazetteer.byName(e.text());
                        boolean capitalActing = c.gazetteer.byCapital(e.text()).isPresent() && actsAsSubject(c, toks, e);
                        if (e.type.equals("LOCATION") && asState.isEmpty() && e.text().matches("\\p{Lu}{3,8}")) {
                            e.kind = "organization"; // "UNMIK", "OSCE": an acronym names a body, not a place
                            e.actor = LocalActors.org(c, e.text());
                        } else if (e.type.equals("LOCATION") && asState.isPresent()) {
                            int body = legislature(c, toks, e, asState);
                            e.kind = body >= 0 ? "organization" : "state";
                            e.actor = body >= 0 ? body : LocalActors.state(c, e.text());
                        } else if (capitalActing) {
                            e.kind = "state";
                            e.actor = LocalActors.stateOf(c, c.gazetteer.byCapital(e.text()).get(), e.text());
                        } else {
                            e.kind = "place";
                        }
                    }
                    case "NATIONALITY" -> {
                        String next = e.lastTok < toks.size() ? toks.get(e.lastTok).word().toLowerCase() : "";
                        Optional<Gazetteer.State> st = c.gazetteer.byDemonym(e.text());
                        int body = legislature(c, toks, e, st);
                        if (body >= 0) {
                            e.kind = "organization";
                            e.actor = body;
                        } else if (st.isPresent() && c.stateBodies.contains(next)) {
                            e.kind = "state";
                            e.actor = LocalActors.stateOf(c, st.get(), "the " + e.text() + " " + next);
                        }
                    }
                    case "TITLE" -> e.kind = "title";
                    case "DATE" -> {
                        e.kind = "date";
                        e.value = Dates.timex(c, e);
                    }
                    default -> {
                    }
                }
                if (e.kind != null && !e.kind.equals("date")) {
                    c.mentions.add(new Extraction.Mention(e.actor, e.kind, e.start, e.end, e.text()));
                } else if ("date".equals(e.kind)) {
                    String iso = Dates.isoDate(c, e.value);
                    if (iso != null) {
                        c.mentions.add(new Extraction.Mention(-1, "date", e.start, e.end, iso));
                    }
                }
            }
        }
        organisationsSpelledOtherwise(c);
        bodiesNamedAfterPlaces(c);
    }

    /**
     * What the tagger leaves untagged after a place: a demonym and a legislature ("the Kosovar parliament" — the
     * same body as "the Kosovo parliament"), and a place before a named organisation of the document ("the informal
     * Kosovo Contact Group" beside "the Contact Group").
     */
    private void bodiesNamedAfterPlaces(ExtractionContext c) {
        for (int si = 0; si < c.ents.size(); si++) {
            List<CoreLabel> toks = c.doc.sentences().get(si).tokens();
            for (int i = 1; i + 1 < toks.size(); i++) {
                CoreLabel t = toks.get(i);
                CoreLabel next = toks.get(i + 1);
                String before = toks.get(i - 1).tag();
                if (!"DT".equals(before) && !"JJ".equals(before) || !"NNP".equals(t.tag())) {
                    continue;
                }
                Optional<Gazetteer.State> demonym = c.gazetteer.byDemonym(t.word());
                if ("O".equals(t.ner()) && demonym.isPresent() && "O".equals(next.ner())
                        && c.legislatures.contains(next.word().toLowerCase(Locale.ROOT))) {
                    int a = legislatureOf(c, demonym.get(), t.word(), next.word());
                    c.mentions.add(new Extraction.Mention(a, "organization", t.beginPosition(), next.endPosition(),
                            t.word() + " " + next.word()));
                    continue;
                }
                if (c.gazetteer.byName(t.word()).isEmpty() || !"O".equals(next.ner())) {
                    continue;
                }
                int j = i + 1;
                while (j < toks.size() && "NNP".equals(toks.get(j).tag()) && "O".equals(toks.get(j).ner())) {
                    j++;
                }
                if (j - i - 1 >= 2) {
                    String name = c.text.substring(next.beginPosition(), toks.get(j - 1).endPosition());
                    Integer a = c.actorByKey.get("o:" + NameKeys.orgKey(name));
                    if (a != null) {
                        LocalActors.addForm(c, a, t.word() + " " + name);
                    }
                }
            }
        }
    }

    /**
     * "K-For's peacekeepers" after "KFOR": a word the tagger left untagged that spells a named organisation
     * of the document is a mention of it.
     */
    private void organisationsSpelledOtherwise(ExtractionContext c) {
        for (int si = 0; si < c.ents.size(); si++) {
            List<CoreLabel> toks = c.doc.sentences().get(si).tokens();
            for (int i = 0; i < toks.size(); i++) {
                CoreLabel t = toks.get(i);
                int last = i;
                if (i + 2 < toks.size() && toks.get(i + 1).word().equals("-")
                        && t.endPosition() == toks.get(i + 1).beginPosition()
                        && toks.get(i + 1).endPosition() == toks.get(i + 2).beginPosition()) {
                    last = i + 2; // the tokenizer splits "K-For" at its hyphen
                }
                String word = c.text.substring(t.beginPosition(), toks.get(last).endPosition());
                if (!"O".equals(t.ner()) || !"O".equals(toks.get(last).ner())
                        || !word.matches("\\p{Lu}[\\p{L}]*-\\p{Lu}[\\p{L}]*")) {
                    continue;
                }
                Integer a = c.actorByKey.get("o:" + NameKeys.orgKey(word));
                if (a != null) {
                    LocalActors.addForm(c, a, word);
                    c.mentions.add(new Extraction.Mention(a, "organization", t.beginPosition(), toks.get(last).endPosition(), word));
                }
            }
        }
    }

    /** A long form that ends in where the body works: "UN administration in Kosovo". */
    private static final Pattern WHERE_IT_WORKS = Pattern.compile("(\\S+\\s+\\S+.*?)\\s+in\\s+(\\p{Lu}\\S*)");

    /** "a European Union (EU) high representative": the long form is a form of the acronym's organisation. */
    private void acronymsDefined(ExtractionContext c) {
        Matcher m = Pattern.compile("((?:\\p{Lu}[\\p{L}.'’-]*\\s+(?:\\p{Ll}{4,}\\s+)?(?:(?:of|for|and|the|in)\\s+)*){1,8}(?:\\p{Ll}+\\s+)?)\\((\\p{Lu}{2,8})\\)").matcher(c.text);
        while (m.find()) {
            String acronym = m.group(2);
            String[] words = m.group(1).trim().split("\\s+");
            for (int k = 0; k < words.length; k++) {
                String longForm = String.join(" ", java.util.Arrays.copyOfRange(words, k, words.length));
                // "the UN mission (UNMIK)": a long form whose first word opens the acronym also defines it
                boolean opens = words.length - k >= 2 && words[k].length() >= 2 && words[k].equals(words[k].toUpperCase())
                        && acronym.startsWith(words[k]) && !acronym.equals(words[k]);
                if (NameKeys.initials(longForm).equalsIgnoreCase(acronym) || opens) {
                    int a = LocalActors.org(c, acronym);
                    LocalActors.addForm(c, a, longForm);
                    c.actorByKey.putIfAbsent("o:" + NameKeys.orgKey(longForm), a);
                    Matcher where = WHERE_IT_WORKS.matcher(longForm);
                    if (where.matches() && c.gazetteer.byName(where.group(2)).isPresent()) {
                        // "the UN administration in Kosovo (UNMIK)": where a mission works is not part of its name
                        LocalActors.addForm(c, a, where.group(1));
                        c.actorByKey.putIfAbsent("o:" + NameKeys.orgKey(where.group(1)), a);
                    }
                    break;
                }
            }
        }
    }

    /**
     * "the Kosovo parliament", "the Kosovar parliament": a state's legislature is a body of its own (it votes and
     * declares apart from the government), one actor whatever the state's form, or -1 when no legislature follows.
     */
    private int legislature(ExtractionContext c, List<CoreLabel> toks, Ent e, Optional<Gazetteer.State> state) {
        if (state.isEmpty() || e.lastTok >= toks.size() || c.possessive(e)) {
            return -1;
        }
        String next = toks.get(e.lastTok).word();
        if (!c.legislatures.contains(next.toLowerCase(Locale.ROOT)) || !"O".equals(toks.get(e.lastTok).ner())) {
            return -1;
        }
        return legislatureOf(c, state.get(), e.text(), next);
    }

    /** The legislature of a state, one actor whatever form of the state names it ("Kosovar", "Kosovo"). */
    private static int legislatureOf(ExtractionContext c, Gazetteer.State state, String stateForm, String noun) {
        int a = LocalActors.org(c, state.name() + " " + noun);
        LocalActors.addForm(c, a, stateForm + " " + noun);
        return a;
    }

    /**
     * "the informal Kosovo Contact Group": a place named right before an organisation's name, after an article or
     * an adjective, is part of the name; the later "the Contact Group" is the same body.
     */
    private void placeNamedBefore(ExtractionContext c, int si, List<CoreLabel> toks, Ent e) {
        if (e.m.tokens().size() < 2 || e.firstTok < 3) {
            return;
        }
        for (Ent p : c.ents.get(si)) {
            if (p.lastTok == e.firstTok - 1 && p.m.tokens().size() == 1 && !p.text().endsWith("s")
                    && Set.of("COUNTRY", "LOCATION", "STATE_OR_PROVINCE", "CITY").contains(p.type)) {
                String before = toks.get(p.firstTok - 2).tag();
                if ("DT".equals(before) || "JJ".equals(before)) {
                    LocalActors.addForm(c, e.actor, p.text() + " " + e.text());
                }
            }
        }
    }

    /** A capital that does something ("Moscow has said", "Belgrade rejected") is its government. */
    private boolean actsAsSubject(ExtractionContext c, List<CoreLabel> toks, Ent e) {
        if (e.firstTok == 1) {
            return true; // "Belgrade, on the other hand, was…": a capital opening a sentence is its subject
        }
        if (toks.get(e.firstTok - 2).word().equalsIgnoreCase("official")) {
            return true; // "the official Zagreb": the capital's government, as the press of the region writes it
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
    private void clusterPersons(ExtractionContext c, List<Ent> persons) {
        persons.removeIf(e -> c.gazetteer.byDemonym(e.text()).isPresent() || c.gazetteer.byName(e.text()).isPresent()
                && e.m.tokens().size() == 1);
        Set<String> notFirstNames = notFirstNames(c, persons);
        Map<String, List<Integer>> bySurname = new HashMap<>();
        for (Ent e : persons) {
            String name = unglued(c, Tokens.stripPossessive(e.text()));
            List<String> tokens = NameKeys.personTokens(name);
            if (tokens.size() == 2 && notFirstNames.contains(tokens.get(0))) {
                continue; // "Brzezinski Lavrov": two names run together (columns, lists), not a full name
            }
            if (tokens.size() >= 2) {
                int a = LocalActors.actor(c, "p:" + NameKeys.personKey(name), name, ActorKind.PERSON);
                e.actor = a;
                e.kind = "person";
                bySurname.computeIfAbsent(NameKeys.surnameKey(name), k -> new ArrayList<>());
                if (!bySurname.get(NameKeys.surnameKey(name)).contains(a)) {
                    bySurname.get(NameKeys.surnameKey(name)).add(a);
                }
            }
        }
        for (Ent e : persons) {
            String name = unglued(c, Tokens.stripPossessive(e.text()));
            if (e.actor < 0 && NameKeys.personTokens(name).size() >= 2) {
                name = name.substring(name.lastIndexOf(' ') + 1); // a run-together name: only its surname counts
            }
            if (e.actor < 0) {
                String key = NameKeys.surnameKey(name);
                if (key.isEmpty()) {
                    continue;
                }
                List<Integer> full = bySurname.getOrDefault(key, List.of());
                e.actor = full.size() == 1 ? full.get(0) : LocalActors.actor(c, "p:" + key, name, ActorKind.PERSON);
                e.kind = "person";
            }
            LocalActors.addForm(c, e.actor, name);
            String title = titleBefore(c, e);
            if (title != null) {
                LocalActors.addForm(c, e.actor, title + " " + name);
            }
        }
    }

    /**
     * "Viktor Mizin The Ivanov": two names glued by layout (a column's last words, a caption) around a
     * capitalised function word; the name is what follows it.
     */
    private String unglued(ExtractionContext c, String name) {
        String[] w = name.split("\\s+");
        for (int i = w.length - 2; i >= 1; i--) {
            if (c.glueWords.matcher(w[i]).matches()) {
                return String.join(" ", java.util.Arrays.copyOfRange(w, i + 1, w.length));
            }
        }
        return name;
    }

    /**
     * Words that cannot be a first name here: another person's surname in this document, or part of a
     * place or organisation it names ("Helsinki" of the Helsinki Final Act).
     */
    private Set<String> notFirstNames(ExtractionContext c, List<Ent> persons) {
        Set<String> out = new java.util.HashSet<>();
        for (Ent e : persons) {
            List<String> t = NameKeys.personTokens(Tokens.stripPossessive(e.text()));
            if (t.size() >= 2) {
                out.add(t.get(t.size() - 1));
            }
        }
        for (List<Ent> list : c.ents) {
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
            List<String> t = NameKeys.personTokens(Tokens.stripPossessive(e.text()));
            if (t.size() >= 3) {
                out.remove(t.get(0));
            }
        }
        return out;
    }

    /** "Ambassador" in "Ambassador Lavrov", "Dr." in "Dr. Mizin": the title word(s) right before a name. */
    private String titleBefore(ExtractionContext c, Ent e) {
        CoreSentence s = e.m.sentence();
        List<CoreLabel> toks = s.tokens();
        int i = e.firstTok - 2; // token before, 0-based
        if (i < 0) {
            return null;
        }
        CoreLabel t = toks.get(i);
        if (c.honorifics.matcher(t.word()).matches()) {
            return t.word();
        }
        String lower = t.word().toLowerCase(Locale.ROOT);
        if (c.titleAbbreviations.stream().anyMatch(a -> a.startsWith(lower + "="))) {
            return t.word(); // "Gov. Anna Keller": an abbreviated title the tagger did not mark
        }
        if ("TITLE".equals(t.ner()) && Character.isUpperCase(t.word().charAt(0))) {
            int j = i;
            while (j > 0 && ("TITLE".equals(toks.get(j - 1).ner()) && Character.isUpperCase(toks.get(j - 1).word().charAt(0))
                    || j > 1 && toks.get(j - 1).word().equals("of") && "TITLE".equals(toks.get(j - 2).ner()))) {
                j--; // "Under Secretary of State": the whole title
            }
            return c.text.substring(toks.get(j).beginPosition(), t.endPosition());
        }
        return null;
    }
}
