package org.demarche.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.regex.Pattern;
import org.demarche.model.Json;
import org.demarche.store.Corrections;

/**
 * Who made each fact an answer holds: every actor, statement and stance in it (an object whose {@code id} is
 * a3, s5 or t3) says {@code source} machine, or human with the {@code coder} and the time ({@code corrected_at})
 * of the correction that set or confirmed it, as the export does.
 */
final class Provenance {

    private static final Pattern FACT = Pattern.compile("[ast]\\d+");

    private Provenance() {}

    static JsonNode mark(Object answer, Map<String, Corrections.Entry> human) {
        JsonNode tree = Json.MAPPER.valueToTree(answer);
        walk(tree, human);
        return tree;
    }

    private static void walk(JsonNode n, Map<String, Corrections.Entry> human) {
        if (n instanceof ObjectNode o) {
            JsonNode id = o.get("id");
            if (id != null && id.isTextual() && FACT.matcher(id.asText()).matches() && !o.has("source")) {
                Corrections.markSource(o, human.get(id.asText()));
            }
        }
        if (n.isContainerNode()) {
            n.forEach(c -> walk(c, human));
        }
    }
}
