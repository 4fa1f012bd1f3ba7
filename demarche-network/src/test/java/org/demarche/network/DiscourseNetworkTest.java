package org.demarche.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.demarche.model.ActorKind;
import org.demarche.model.Polarity;
import org.demarche.network.Network.Link;
import org.demarche.network.NetworkOptions.Level;
import org.demarche.network.NetworkOptions.Normalization;
import org.demarche.network.NetworkOptions.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A small invented debate: two ministers of one state and a state of their own agree on a dam, a third state
 * opposes it; later one of the agreeing states changes side. The networks must show who agrees with whom.
 */
class DiscourseNetworkTest {

    private static Coding c(String actor, String name, ActorKind kind, String speaksFor, String issue, Polarity p,
                            String date, String doc, String... statements) {
        return new Coding(actor, name, kind, speaksFor, speaksFor == null ? null : "Northland",
                speaksFor == null ? null : ActorKind.STATE, issue, issue + " label", p, date, doc, List.of(statements),
                0.8);
    }

    private static final List<Coding> DEBATE = List.of(
            c("a1", "Minister One", ActorKind.PERSON, "a3", "dam", Polarity.SUPPORT, "2001-03-02", "d1", "s1"),
            c("a2", "Minister Two", ActorKind.PERSON, "a3", "dam", Polarity.SUPPORT, "2001-05-02", "d2", "s2"),
            c("a4", "Southland", ActorKind.STATE, null, "dam", Polarity.OPPOSE, "2001-06-01", "d2", "s3", "s4"),
            c("a5", "Eastland", ActorKind.STATE, null, "dam", Polarity.SUPPORT, "2001-07-01", "d3", "s5"),
            c("a5", "Eastland", ActorKind.STATE, null, "dam", Polarity.OPPOSE, "2003-07-01", "d4", "s6"),
            c("a4", "Southland", ActorKind.STATE, null, "dam", Polarity.OPPOSE, "2003-08-01", "d4", "s7"),
            c("a4", "Southland", ActorKind.STATE, null, "canal", Polarity.NEUTRAL, "2003-08-01", "d4", "s8"));

    private static NetworkOptions options(Type type, Normalization n, Level level, String window) {
        return new NetworkOptions(type, n, level, null, null, null, window, 0);
    }

    private static Link edge(Network n, String a, String b) {
        return n.graph().edgeSet().stream()
                .filter(l -> Set.of(l.source(), l.target()).equals(Set.of(a, b))).findFirst().orElse(null);
    }

    @Test
    void congruenceAndConflictFollowTheSidesTaken() {
        Network all = DiscourseNetwork.build(DEBATE, options(Type.CONGRUENCE, Normalization.NONE, Level.ACTOR, "all"))
                .get(0);
        assertEquals(1.0, edge(all, "a1", "a2").weight());
        assertEquals(Set.of("s1", "s2"), edge(all, "a1", "a2").statements());
        assertEquals(null, edge(all, "a1", "a4"), "opponents are not congruent");
        // Eastland took both sides over the years: congruent with both camps in the whole span
        assertEquals(1.0, edge(all, "a5", "a4").weight());
        assertEquals(1.0, edge(all, "a5", "a1").weight());

        Network conflict = DiscourseNetwork.build(DEBATE, options(Type.CONFLICT, Normalization.NONE, Level.ACTOR,
                "all")).get(0);
        assertEquals(1.0, edge(conflict, "a1", "a4").weight());
        assertEquals(Set.of("d1", "d2", "d4"), edge(conflict, "a1", "a4").documents());
        assertEquals(null, edge(conflict, "a1", "a2"));

        Network subtract = DiscourseNetwork.build(DEBATE, options(Type.SUBTRACT, Normalization.NONE, Level.ACTOR,
                "all")).get(0);
        assertEquals(-1.0, edge(subtract, "a2", "a4").weight());
        assertEquals(1.0, edge(subtract, "a1", "a2").weight());
        assertEquals(0.0, edge(subtract, "a5", "a4").weight(), "one agreement and one conflict cancel");
    }

    @Test
    void normalisationsScaleByActivity() {
        assertEquals(1.0, DiscourseNetwork.normalise(1, 1, 1, Normalization.AVERAGE));
        assertEquals(2 / 3.0, DiscourseNetwork.normalise(1, 1, 2, Normalization.AVERAGE), 1e-12);
        assertEquals(0.5, DiscourseNetwork.normalise(1, 1, 2, Normalization.JACCARD), 1e-12);
        assertEquals(1 / Math.sqrt(2), DiscourseNetwork.normalise(1, 1, 2, Normalization.COSINE), 1e-12);
        Network n = DiscourseNetwork.build(DEBATE, options(Type.CONGRUENCE, Normalization.JACCARD, Level.ACTOR,
                "all")).get(0);
        // Eastland holds two ties (support, oppose), Minister One one: they share one of the two
        assertEquals(0.5, edge(n, "a5", "a1").weight(), 1e-12);
    }

    @Test
    void affiliationKeepsTheSideAndNeutralStances() {
        Network n = DiscourseNetwork.build(DEBATE, options(Type.AFFILIATION, Normalization.NONE, Level.ACTOR, "all"))
                .get(0);
        assertEquals("support", edge(n, "a1", "dam").polarity());
        assertEquals(-1.0, edge(n, "a4", "dam").weight());
        assertEquals("mixed", edge(n, "a5", "dam").polarity());
        assertEquals("neutral", edge(n, "a4", "canal").polarity());
        assertEquals(Set.of("s3", "s4", "s7"), edge(n, "a4", "dam").statements());
    }

    @Test
    void windowsShowTheChangeOfSideAndPolarisation() {
        List<Network> years = DiscourseNetwork.build(DEBATE, options(Type.SUBTRACT, Normalization.NONE, Level.ACTOR,
                "1y"));
        assertEquals(List.of("2001", "2002", "2003"), years.stream().map(w -> w.window().label()).toList());
        assertEquals(1.0, edge(years.get(0), "a5", "a1").weight());
        assertEquals(1.0, edge(years.get(2), "a5", "a4").weight());
        assertEquals(0, years.get(1).graph().edgeSet().size());
        // 2001: three who support against one who opposes, nothing else: two camps, fully polarised
        assertEquals(1.0, years.get(0).polarisation(), 1e-12);
        assertEquals(List.of(Set.of("a1", "a2", "a5"), Set.of("a4")),
                years.get(0).camps().stream().map(Set::copyOf).sorted((x, y) -> y.size() - x.size()).toList());
        // 2003: the two who speak agree; nobody disagrees
        assertEquals(0.0, years.get(2).polarisation(), 1e-12);
        assertEquals(Map.of("a4", 1, "a5", 1), years.get(2).communities());

        List<Network> sliding = DiscourseNetwork.build(DEBATE, options(Type.CONGRUENCE, Normalization.NONE,
                Level.ACTOR, "2y/1y"));
        assertEquals(List.of("2001–2002", "2002–2003", "2003–2004"),
                sliding.stream().map(w -> w.window().label()).toList());
    }

    @Test
    void theStateLevelFoldsPersonsIntoTheirState() {
        Network n = DiscourseNetwork.build(DEBATE, options(Type.CONFLICT, Normalization.NONE, Level.STATE, "all"))
                .get(0);
        Set<String> ids = Set.copyOf(n.graph().vertexSet().stream().map(Network.Node::id).toList());
        assertEquals(Set.of("a3", "a4", "a5"), ids);
        assertEquals(Set.of("s1", "s2", "s3", "s4", "s7"), edge(n, "a3", "a4").statements());
    }

    @Test
    void badOptionsAreRefusedWithTheirName() {
        assertThrows(IllegalArgumentException.class, () -> TimeWindow.check("3 weeks"));
        assertThrows(IllegalArgumentException.class, () -> TimeWindow.check("0y"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NetworkOptions.parse(Type.class, "--type", "friendship"));
        assertTrue(e.getMessage().contains("affiliation|congruence|conflict|subtract"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new NetworkOptions(null, null, null, null, "last year", null, "all", 0));
        assertThrows(IllegalArgumentException.class,
                () -> DiscourseNetwork.build(DEBATE, options(Type.CONFLICT, Normalization.NONE, Level.ACTOR, "1m/0m")));
    }

    @Test
    void graphmlAndGexfAreWellFormedAndTyped(@TempDir Path dir) throws Exception {
        List<Network> years = DiscourseNetwork.build(DEBATE, options(Type.SUBTRACT, Normalization.NONE, Level.ACTOR,
                "1y"));
        Network all = DiscourseNetwork.build(DEBATE, options(Type.SUBTRACT, Normalization.NONE, Level.ACTOR, "all"))
                .get(0);
        StringWriter g = new StringWriter();
        NetworkWriter.graphml(all, g);
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(g.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        NodeList keys = doc.getElementsByTagName("key");
        boolean typedDegree = false;
        for (int i = 0; i < keys.getLength(); i++) {
            Element k = (Element) keys.item(i);
            typedDegree |= k.getAttribute("attr.name").equals("degree") && k.getAttribute("attr.type").equals("int");
        }
        assertTrue(typedDegree, "node degree is a typed int key");
        assertEquals(4, doc.getElementsByTagName("node").getLength());

        Path gexf = dir.resolve("debate.gexf");
        NetworkWriter.write(years, NetworkWriter.Format.GEXF, gexf);
        var x = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(gexf.toFile());
        assertEquals("1.3", x.getDocumentElement().getAttribute("version"));
        assertEquals("dynamic", ((Element) x.getElementsByTagName("graph").item(0)).getAttribute("mode"));
        assertTrue(x.getElementsByTagName("spell").getLength() >= 6, "nodes and edges carry their windows' spells");

        List<Path> csv = NetworkWriter.write(years, NetworkWriter.Format.CSV, dir.resolve("tables"));
        List<String> windows = Files.readAllLines(csv.get(2));
        assertEquals(4, windows.size());
        assertTrue(windows.get(1).startsWith("2001,2001-01-01,2001-12-31,4,"), windows.get(1));
        List<Path> files = NetworkWriter.write(years, NetworkWriter.Format.GRAPHML, dir.resolve("debate.graphml"));
        assertEquals(dir.resolve("debate-2003.graphml"), files.get(2));
    }
}
