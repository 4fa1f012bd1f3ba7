package org.demarche.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.demarche.nlp.NameKeys;
import org.demarche.store.KnowledgeBase;
import org.demarche.store.KnowledgeBase.LocalActorRow;
import org.demarche.store.Workspace;

/**
 * Merges every document's actors into workspace-wide actors: one record per real-world actor.
 * Local actors meet on their merge keys (a person's full name folded for transliteration,
 * a state's ISO code, an organisation's folded name or any of its forms); a lone surname joins
 * the one full name in the workspace that ends with it, and stays apart when there are several.
 * Linear in the number of local actors (hash maps and a union-find), rebuilt after each run.
 */
final class ActorMerge {

    private ActorMerge() {}

    static void run(Workspace ws) {
        List<LocalActorRow> rows = new ArrayList<>();
        ws.kb().forEachLocalActor(rows::add);
        int[] parent = new int[rows.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        Map<String, Integer> byKey = new HashMap<>();
        Map<String, Set<String>> fullNamesBySurname = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            LocalActorRow r = rows.get(i);
            join(parent, byKey, r.key(), i);
            if (r.kind().equals("organization")) {
                for (String form : r.forms()) {
                    // "United Nations" and "UN" join across documents; a short form ("the Council") never does
                    boolean acronym = form.length() >= 2 && form.equals(form.toUpperCase()) && !form.contains(" ");
                    if (acronym || form.strip().split("\\s+").length >= 2 && !form.startsWith("the ")) {
                        join(parent, byKey, "o:" + NameKeys.orgKey(form), i);
                    }
                }
            }
            if (r.kind().equals("person") && r.key().indexOf(' ') > 0) {
                fullNamesBySurname.computeIfAbsent(r.key().substring(r.key().lastIndexOf(' ') + 1), k -> new HashSet<>())
                        .add(r.key());
            }
        }
        // full names of one family name that can be one person ("Tom Brandt", "Thomas Hale Brandt") join;
        // a lone surname joins when all the full names it could be are one person
        Map<String, Integer> classes = new HashMap<>();
        for (Set<String> full : fullNamesBySurname.values()) {
            List<List<String>> people = personClasses(full);
            for (List<String> person : people) {
                for (String key : person) {
                    union(parent, byKey.get(person.get(0)), byKey.get(key));
                }
                classes.put(person.get(0).substring(person.get(0).lastIndexOf(' ') + 1), people.size());
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            LocalActorRow r = rows.get(i);
            if (r.kind().equals("person") && r.key().indexOf(' ') < 0) {
                Set<String> full = fullNamesBySurname.getOrDefault(r.key().substring(2), Set.of());
                if (!full.isEmpty() && classes.getOrDefault(r.key().substring(2), 0) == 1) {
                    union(parent, i, byKey.get(full.iterator().next()));
                }
            }
        }
        Map<Integer, List<Integer>> groups = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(i);
        }
        List<KnowledgeBase.MergedActor> merged = new ArrayList<>();
        List<List<Integer>> ordered = new ArrayList<>(groups.values());
        ordered.sort(Comparator.comparingInt(g -> g.get(0)));
        long id = 1;
        for (List<Integer> g : ordered) {
            Set<String> aliases = new LinkedHashSet<>();
            Map<String, Integer> names = new HashMap<>();
            Map<String, Integer> kinds = new HashMap<>();
            List<Long> locals = new ArrayList<>();
            for (int i : g) {
                LocalActorRow r = rows.get(i);
                aliases.add(r.name());
                aliases.addAll(r.forms());
                names.merge(r.name(), 1, Integer::sum);
                kinds.merge(r.kind(), 1, Integer::sum);
                locals.add(r.id());
            }
            String kind = best(kinds);
            merged.add(new KnowledgeBase.MergedActor(id++, canonicalName(names, kind), kind, aliases, locals));
        }
        ws.kb().replaceActors(merged);
    }

    /**
     * The people a family name's full-name keys make: each key joins the first group whose every member it
     * is compatible with (longest names first, so "Thomas Hale Brandt" anchors "Tom Brandt"), so two
     * incompatible names ("Fred", "Frank") never meet through a third.
     */
    private static List<List<String>> personClasses(Set<String> keys) {
        List<String> sorted = new ArrayList<>(keys);
        sorted.sort(Comparator.comparingInt((String k) -> -k.split(" ").length).thenComparing(k -> k));
        List<List<String>> out = new ArrayList<>();
        for (String key : sorted) {
            List<String> tokens = List.of(key.substring(2).split(" "));
            List<String> home = null;
            for (List<String> group : out) {
                if (group.stream().allMatch(k -> NameKeys.compatibleFullNames(tokens, List.of(k.substring(2).split(" "))))) {
                    home = group;
                    break;
                }
            }
            if (home == null) {
                home = new ArrayList<>();
                out.add(home);
            }
            home.add(key);
        }
        return out;
    }

    /** The name most documents use; among equals, the fullest (a person's full name over a surname). */
    private static String canonicalName(Map<String, Integer> names, String kind) {
        return names.entrySet().stream()
                .max(Comparator.<Map.Entry<String, Integer>>comparingInt(e -> kind.equals("person")
                                ? NameKeys.personTokens(e.getKey()).size() : 0)
                        .thenComparingInt(Map.Entry::getValue)
                        .thenComparingInt(e -> e.getKey().length()))
                .map(Map.Entry::getKey).orElse("?");
    }

    private static String best(Map<String, Integer> counts) {
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("other");
    }

    private static void join(int[] parent, Map<String, Integer> byKey, String key, int i) {
        Integer other = byKey.putIfAbsent(key, i);
        if (other != null) {
            union(parent, i, other);
        }
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
