package org.demarche.nlp.steps;

import java.util.LinkedHashSet;
import org.demarche.model.ActorKind;
import org.demarche.model.Extraction;
import org.demarche.nlp.Gazetteer;
import org.demarche.nlp.NameKeys;

/** The document's local actors: found or made by key, with the forms the text gives them. */
final class LocalActors {

    private LocalActors() {}

    static int org(ExtractionContext c, String surface) {
        String name = Tokens.stripPossessive(surface);
        String key = NameKeys.orgKey(name);
        // "the Council" or "Security Council" after "the UN Security Council": the one organisation it ends
        int ends = -1;
        int count = 0;
        for (Extraction.LocalActor a : c.actors) {
            if (a.kind() == ActorKind.ORGANIZATION && a.key().endsWith(key) && !a.key().equals("o:" + key)) {
                ends = a.index();
                count++;
            }
        }
        if (count == 1) {
            addForm(c, ends, name);
            return ends;
        }
        // "ABX" after "ABX Harbour Logistics Inc.": a company goes by the first word of its name
        if (name.matches("\\p{Lu}{2,6}")) {
            int company = -1;
            int companies = 0;
            for (Extraction.LocalActor a : c.actors) {
                if (a.kind() == ActorKind.ORGANIZATION && a.name().startsWith(name + " ")
                        && a.forms().stream().anyMatch(NameKeys::hasLegalForm)) {
                    company = a.index();
                    companies++;
                }
            }
            if (companies == 1) {
                addForm(c, company, name);
                return company;
            }
        }
        // "United Nations" and "UN" are one, by initials
        for (Extraction.LocalActor a : c.actors) {
            if (a.kind() == ActorKind.ORGANIZATION
                    && (NameKeys.initials(a.name()).equals(name) || NameKeys.initials(name).equals(a.name()))
                    && Math.max(a.name().length(), name.length()) > 3) {
                addForm(c, a.index(), name);
                return a.index();
            }
        }
        return actor(c, "o:" + key, name, ActorKind.ORGANIZATION);
    }

    static int state(ExtractionContext c, String surface) {
        String name = Tokens.stripPossessive(surface);
        return c.gazetteer.byName(name).map(s -> stateOf(c, s, name))
                .orElseGet(() -> actor(c, "s:" + NameKeys.fold(name), name, ActorKind.STATE));
    }

    static int stateOf(ExtractionContext c, Gazetteer.State s, String surface) {
        int a = actor(c, "s:" + s.code(), s.name(), ActorKind.STATE);
        addForm(c, a, surface);
        return a;
    }

    static int actor(ExtractionContext c, String key, String name, ActorKind kind) {
        if (kind == ActorKind.PERSON) {
            name = NameKeys.withoutHonorifics(name);
        }
        Integer a = c.actorByKey.get(key);
        if (a == null) {
            a = c.actors.size();
            c.actors.add(new Extraction.LocalActor(a, name, kind, key, new LinkedHashSet<>()));
            c.actorByKey.put(key, a);
        }
        addForm(c, a, name);
        return a;
    }

    static void addForm(ExtractionContext c, int actor, String form) {
        if (actor < 0 || form == null || form.isBlank()) {
            return;
        }
        Extraction.LocalActor a = c.actors.get(actor);
        a.forms().add(form.strip());
        boolean bare = NameKeys.fold(form).split(" ").length == NameKeys.personTokens(form).size();
        if (form.length() > a.name().length() && a.kind() == ActorKind.PERSON && bare
                && NameKeys.personKey(form).equals(NameKeys.personKey(a.name()))) {
            c.actors.set(actor, new Extraction.LocalActor(a.index(), form.strip(), a.kind(), a.key(), a.forms()));
        }
    }

    /** The person a bare name means: the document's one person of that surname, else a person of its own. */
    static int nameActor(ExtractionContext c, int[] name) {
        String surface = c.text.substring(name[0], name[1]);
        String key = NameKeys.surnameKey(surface);
        int found = -1;
        for (Extraction.LocalActor a : c.actors) {
            if (a.kind() == ActorKind.PERSON && NameKeys.surnameKey(a.name()).equals(key)) {
                if (found >= 0 && found != a.index()) {
                    found = -2; // two people of that name: no guess
                    break;
                }
                found = a.index();
            }
        }
        if (found >= 0) {
            addForm(c, found, surface);
            return found;
        }
        return NameKeys.personTokens(surface).size() >= 2
                ? actor(c, "p:" + NameKeys.personKey(surface), surface, ActorKind.PERSON)
                : actor(c, "p:" + key, surface, ActorKind.PERSON);
    }
}
