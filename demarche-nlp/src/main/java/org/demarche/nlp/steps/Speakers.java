package org.demarche.nlp.steps;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.demarche.model.ActorKind;
import org.demarche.model.Extraction;
import org.demarche.nlp.Animacy;

/** Who an attribution, a subject or a description names: what the quotation and speech steps share. */
final class Speakers {

    private Speakers() {}

    /** The first word after a quotation's closing mark and its punctuation, or -1 if other words come between. */
    static int firstWordAfter(ExtractionContext c, List<CoreLabel> toks, int quoteEnd) {
        for (int i = 0; i < toks.size(); i++) {
            CoreLabel t = toks.get(i);
            if (t.beginPosition() < quoteEnd) {
                continue;
            }
            if (t.word().matches("[\\p{Punct}“”‘’«»—–…]+")) {
                continue;
            }
            String gap = c.text.substring(quoteEnd, t.beginPosition());
            return gap.matches("(?U)[\\s\"“”'’»,.?!…—–-]*") && gap.matches(".*[\"”'’»].*") && c.quoteAt(t.beginPosition()) == null
                    ? i : -1;
        }
        return -1;
    }

    /** The attribution that starts at token k: a verb then its speaker, or a speaker then its verb. */
    static Attribution attributionAt(ExtractionContext c, int si, List<CoreLabel> toks, int k) {
        CoreLabel first = toks.get(k);
        if (Tokens.isVerb(first) && c.attributing.contains(Tokens.lemma(first)) && !"VBG".equals(first.tag())) {
            // "…," said Anna Keller, an expert at …  /  "…," said another reader, Tom Brandt (never "…, saying X")
            for (int j = k + 1; j < toks.size() && j <= k + 16; j++) {
                CoreLabel t = toks.get(j);
                if (c.quoteAt(t.beginPosition()) != null || t.word().equals(";")) {
                    break;
                }
                Ent e = c.entAt(si, t.beginPosition());
                if (e != null && e.actor >= 0 && "person".equals(e.kind) && !c.possessive(e)) {
                    return new Attribution(e.actor, first.word(), e.end, k);
                }
            }
            if (k + 1 < toks.size()) {
                CoreLabel next = toks.get(k + 1);
                Ent e = c.entAt(si, next.beginPosition());
                if (e != null && e.actor >= 0 && !"person".equals(e.kind)) {
                    return new Attribution(e.actor, first.word(), e.end, k); // "…," said the State Department
                }
                if (c.heShe.contains(next.word().toLowerCase(Locale.ROOT)) && c.personMeant(si) >= 0) {
                    return new Attribution(c.personMeant(si, next.word()), first.word(), next.endPosition(), k);
                }
                int[] name = properName(c, toks, c.nameTitles.matcher(next.word()).matches() ? k + 2 : k + 1);
                if (name != null) { // "…," said Tom Brandt: a name the tagger did not take for one
                    return new Attribution(LocalActors.nameActor(c, name), first.word(), name[1], k);
                }
            }
            return null;
        }
        // "…," Ms. Keller said / "…," Tom Brandt, an adviser …, wrote / "…," he added
        int verb = -1;
        for (int j = k + 1; j < toks.size() && j <= k + 30; j++) {
            CoreLabel t = toks.get(j);
            if (c.quoteAt(t.beginPosition()) != null || t.word().equals(";")) {
                break;
            }
            if (Tokens.isFinite(t) && c.attributing.contains(Tokens.lemma(t))) {
                verb = j;
                break;
            }
        }
        int subjectEnd = subjectEnd(c, si, toks, k);
        if (verb < 0 && subjectEnd > k && subjectEnd < toks.size() && Tokens.isFinite(toks.get(subjectEnd))) {
            verb = subjectEnd; // "…," Brandt snapped: any verb right after the name
        }
        if (verb < 0) {
            return null;
        }
        int speaker = -1;
        int fallback = -1;
        Ent adjacent = c.entAt(si, toks.get(verb - 1).beginPosition());
        if (adjacent != null && adjacent.actor >= 0 && "person".equals(adjacent.kind)) {
            speaker = adjacent.actor; // "Keller campaign manager Tom Brandt said": the name next to the verb
        }
        for (int j = k; j < verb && speaker < 0; j++) {
            Ent e = c.entAt(si, toks.get(j).beginPosition());
            if (e == null || e.actor < 0) {
                continue;
            }
            if ("person".equals(e.kind) && !c.possessive(e)) {
                speaker = e.actor;
            } else if (fallback < 0 && !"person".equals(e.kind) && !c.possessive(e)) {
                fallback = e.actor;
            }
        }
        String w = first.word().toLowerCase(Locale.ROOT);
        if (speaker < 0 && verb == k + 1 && c.heShe.contains(w)) {
            speaker = c.personMeant(si, w);
        }
        Ent beforeVerb = c.entAt(si, toks.get(verb - 1).beginPosition());
        if (speaker < 0 && fallback >= 0 && (c.entAt(si, first.beginPosition()) != null
                || beforeVerb != null && beforeVerb.actor == fallback)) {
            speaker = fallback; // "…, the agency reported": a body named right before the verb
        }
        if (speaker < 0) {
            int[] name = properName(c, toks, c.nameTitles.matcher(first.word()).matches() ? k + 1 : k);
            if (name != null && name[2] == verb) {
                speaker = LocalActors.nameActor(c, name);
            }
        }
        if (speaker < 0) {
            speaker = described(c, si, toks, k, verb);
        }
        return speaker >= 0 ? new Attribution(speaker, toks.get(verb).word(), toks.get(verb).endPosition(), verb) : null;
    }

    /** The token after a subject that opens at k: a person's name, a pronoun or a proper name. */
    static int subjectEnd(ExtractionContext c, int si, List<CoreLabel> toks, int k) {
        CoreLabel t = toks.get(k);
        if (c.heShe.contains(t.word().toLowerCase(Locale.ROOT))) {
            return k + 1;
        }
        Ent e = c.entAt(si, t.beginPosition());
        if (e != null && "person".equals(e.kind)) {
            return e.lastTok; // lastTok counts from 1: the token after the entity
        }
        int[] name = properName(c, toks, c.nameTitles.matcher(t.word()).matches() ? k + 1 : k);
        return name == null ? -1 : name[2];
    }

    /**
     * One to three capitalised proper nouns from token i ("Tom Brandt", "Keller"): {start, end, next token},
     * or null. Words the tagger knows for something else (a title, a place, an organisation) are no name.
     */
    static int[] properName(ExtractionContext c, List<CoreLabel> toks, int i) {
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

    /** "the senator", "the billionaire business mogul": the person the story is about, named as what they are. */
    static int described(ExtractionContext c, int si, List<CoreLabel> toks, int from, int verb) {
        if (!toks.get(from).word().equalsIgnoreCase("the") || verb - from > 6) {
            return -1; // "a spokeswoman said": someone unnamed
        }
        String head = Tokens.lemma(toks.get(verb - 1));
        if (!c.offices.contains(head) && !Animacy.isPersonNoun(head)) {
            return -1;
        }
        int holder = titleHolder(c, si, head);
        return holder >= 0 ? holder : c.personMeant(si);
    }

    /**
     * "The former governor noted …" after "Former Gov. Anna Keller": the person last named before this
     * sentence with a title of that office (in a role, or written before the name, abbreviations expanded).
     */
    static int titleHolder(ExtractionContext c, int si, String office) {
        Set<Integer> holders = new java.util.HashSet<>();
        for (Map.Entry<Integer, String> held : c.titles.entrySet()) {
            if (expandTitle(c, held.getValue()).contains(office)) {
                holders.add(held.getKey());
            }
        }
        for (Extraction.LocalActor a : c.actors) {
            if (a.kind() == ActorKind.PERSON) {
                for (String form : a.forms()) {
                    String lead = form.toLowerCase(Locale.ROOT);
                    int cut = lead.indexOf(' ');
                    if (cut > 0 && expandTitle(c, lead.substring(0, cut)).equals(office)) {
                        holders.add(a.index());
                    }
                }
            }
        }
        for (int i = Math.min(si, c.ents.size() - 1); i >= 0 && !holders.isEmpty(); i--) {
            List<Ent> list = c.ents.get(i);
            for (int j = list.size() - 1; j >= 0; j--) {
                if (holders.contains(list.get(j).actor) && "person".equals(list.get(j).kind)) {
                    return list.get(j).actor;
                }
            }
        }
        return -1;
    }

    /** "gov." is a governor, "sen." a senator: a title's abbreviations as the office nouns they stand for. */
    static String expandTitle(ExtractionContext c, String title) {
        String t = title.toLowerCase(Locale.ROOT);
        for (String line : c.titleAbbreviations) {
            String[] f = line.split("=");
            t = t.replaceAll("(?<![a-z])" + java.util.regex.Pattern.quote(f[0]) + "(?![a-z])", f[1]);
        }
        return t;
    }

    /**
     * "The Keller campaign said", "the Brandt administration says": a body named after a person (a common noun
     * that is not a person's, compounded with a name) is an organisation of its own, not the person.
     */
    static int bodyOfNamed(ExtractionContext c, int si, SemanticGraph g, IndexedWord subj, CoreLabel head, String lemma) {
        if (!"NN".equals(head.tag()) || Animacy.isPersonNoun(lemma) || c.offices.contains(lemma)) {
            return -1;
        }
        int from = head.beginPosition();
        boolean named = false;
        for (SemanticGraphEdge e : g.outgoingEdgeList(subj)) {
            if (e.getRelation().toString().startsWith("compound")) {
                Ent n = c.entAt(si, c.doc.sentences().get(si).tokens().get(e.getDependent().index() - 1).beginPosition());
                if (n != null && "person".equals(n.kind)) {
                    named = true;
                    from = Math.min(from, n.start);
                }
            }
        }
        return named ? LocalActors.org(c, c.text.substring(from, head.endPosition())) : -1;
    }

    /** The subjects up the tree from a speech verb, nearest first: each clause's own, then its governor's. */
    static List<IndexedWord> subjectsOf(ExtractionContext c, SemanticGraph g, IndexedWord verb) {
        List<IndexedWord> out = new ArrayList<>();
        IndexedWord at = verb;
        for (int depth = 0; depth < 4 && at != null; depth++) {
            IndexedWord next = null;
            for (SemanticGraphEdge e : g.outgoingEdgeList(at)) {
                String rel = e.getRelation().toString();
                if ((rel.equals("nsubj") || rel.equals("nsubj:xsubj")) && !out.contains(e.getDependent())) {
                    out.add(e.getDependent());
                    if (c.relativePronouns.matcher(e.getDependent().word()).matches()) {
                        // "…, who has said …": the relative clause's subject is the noun it hangs on
                        for (SemanticGraphEdge up : g.incomingEdgeList(at)) {
                            String r = up.getRelation().toString();
                            IndexedWord noun = up.getGovernor();
                            if ((r.equals("dep") || r.startsWith("acl")) && noun.index() < e.getDependent().index()
                                    && noun.tag() != null && noun.tag().startsWith("NN") && !out.contains(noun)) {
                                out.add(noun);
                            }
                        }
                    }
                }
            }
            // up past "saying" (dep, advcl), "and added" (conj), "to divide" (xcomp); a reported
            // clause (ccomp) has its own speaker and is never climbed out of
            // ("and many readers are wondering", hung as "dep" on an earlier clause: with its own auxiliary it is
            // a clause of its own, whose subject the parser lost)
            IndexedWord from = at;
            boolean ownAuxiliary = g.outgoingEdgeList(at).stream().anyMatch(e -> e.getRelation().toString().equals("aux")
                    && !"TO".equals(e.getDependent().tag()));
            for (SemanticGraphEdge e : g.incomingEdgeList(from)) {
                String rel = e.getRelation().toString();
                if (!rel.equals("ccomp") && !rel.equals("parataxis") && !rel.startsWith("csubj")
                        && !(rel.equals("dep") && ownAuxiliary)) {
                    next = e.getGovernor();
                    break;
                }
            }
            at = next;
        }
        return out;
    }

    /** The subject of a speech verb, climbing from "saying" or "and added" to the clause that has one. */
    static IndexedWord subjectOf(ExtractionContext c, SemanticGraph g, IndexedWord verb, int depth) {
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
                    IndexedWord s = subjectOf(c, g, e.getGovernor(), depth + 1);
                    if (s != null) {
                        return s;
                    }
                }
            }
        }
        return null;
    }

    /** Who a subject token is: a named actor, a pronoun's antecedent, or an office's holder. */
    /**
     * The named person who is the subject of the sentence's main verb, when named before the pronoun: "Maria Okafor
     * said she had not read the plan, but called it …" — "she" is Okafor, not the person salient before the
     * sentence (salience moves only once a sentence is read).
     */
    private static int mainSubjectBefore(ExtractionContext c, int si, SemanticGraph g, IndexedWord pronoun) {
        if (g == null || g.getRoots().isEmpty()) {
            return -1;
        }
        IndexedWord root = g.getFirstRoot();
        for (SemanticGraphEdge e : g.outgoingEdgeList(root)) {
            IndexedWord d = e.getDependent();
            if (e.getRelation().toString().startsWith("nsubj") && d.index() < pronoun.index() && !d.equals(pronoun)) {
                Ent named = c.entAt(si, c.doc.sentences().get(si).tokens().get(d.index() - 1).beginPosition());
                if (named != null && named.actor >= 0 && !named.pronoun() && !c.possessive(named)
                        && c.actors.get(named.actor).kind() == ActorKind.PERSON) {
                    return named.actor;
                }
            }
        }
        return -1;
    }

    static int resolve(ExtractionContext c, int si, SemanticGraph g, IndexedWord subj) {
        CoreLabel t = c.doc.sentences().get(si).tokens().get(subj.index() - 1);
        if (c.quoteAt(t.beginPosition()) != null) {
            return -1; // "we said" inside someone's quote
        }
        Ent named = c.entAt(si, t.beginPosition());
        if (named != null && named.actor >= 0) {
            return named.actor;
        }
        if (named != null && named.pronoun() || c.heShe.contains(t.word().toLowerCase())) {
            int main = mainSubjectBefore(c, si, g, subj);
            return main >= 0 ? main : c.personFitting(c.salientPerson, t.word());
        }
        // a named actor inside the subject phrase: "Kosovo Prime Minister and former KLA commander Agim Ceku"
        int organisation = bodyOfNamed(c, si, g, subj, t, t.lemma() == null ? "" : t.lemma().toLowerCase());
        if (organisation >= 0) {
            return organisation;
        }
        int best = -1;
        for (IndexedWord w : nameParts(c, g, subj)) {
            Ent e = c.entAt(si, c.doc.sentences().get(si).tokens().get(w.index() - 1).beginPosition());
            if (e != null && e.actor >= 0 && (best < 0 || c.actors.get(e.actor).kind() == ActorKind.PERSON
                    && c.actors.get(best).kind() != ActorKind.PERSON)) {
                best = e.actor;
            }
        }
        if (best >= 0) {
            return best;
        }
        String lemma = t.lemma() == null ? "" : t.lemma().toLowerCase();
        if (c.offices.contains(lemma) && "NN".equals(t.tag())) {
            int holder = titleHolder(c, si, lemma);
            return holder >= 0 ? holder : c.salientPerson;
        }
        if ("NNP".equals(t.tag()) && "O".equals(t.ner())) {
            // "Brandt said …": a name the tagger did not take for one is still the subject's name
            List<CoreLabel> toks = c.doc.sentences().get(si).tokens();
            int first = t.index() - 1;
            while (first > 0 && "NNP".equals(toks.get(first - 1).tag()) && "O".equals(toks.get(first - 1).ner())) {
                first--;
            }
            int[] name = properName(c, toks, first);
            if (name != null && name[2] == t.index() && c.quoteAt(name[0]) == null) {
                return LocalActors.nameActor(c, name);
            }
        }
        return -1;
    }

    /**
     * The words of a subject phrase that can name its speaker: compounds, appositions, flat names, possessors
     * and conjuncts ("Kosovo Prime Minister and former KLA commander Agim Ceku"), not what a preposition or a
     * relative clause attaches ("farmers in the region", "analysts who follow the bank").
     */
    static List<IndexedWord> nameParts(ExtractionContext c, SemanticGraph g, IndexedWord head) {
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
}
