package org.demarche.network;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.demarche.network.Network.Link;
import org.demarche.network.Network.Node;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.AttributeType;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.graphml.GraphMLExporter;
import org.jgrapht.nio.graphml.GraphMLExporter.AttributeCategory;

/** Writes networks in the formats analysts open them with: GraphML, GEXF 1.3, CSV node and edge lists, JSON. */
public final class NetworkWriter {

    public enum Format {
        GRAPHML, GEXF, CSV, JSON;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private NetworkWriter() {}

    /**
     * Writes the networks to {@code out}. GraphML holds one graph per file, so several windows go to one file
     * each, named after the window ({@code out-2008.graphml}); CSV writes {@code nodes.csv}, {@code edges.csv} and
     * {@code windows.csv} into the folder {@code out}, one row per node or edge and window; GEXF and JSON hold
     * every window in one file. Returns the files written.
     */
    public static List<Path> write(List<Network> networks, Format format, Path out) throws IOException {
        List<Path> written = new ArrayList<>();
        switch (format) {
            case GRAPHML -> {
                for (Network n : networks) {
                    Path p = networks.size() == 1 ? out : sibling(out, n.window().label(), ".graphml");
                    try (Writer w = Files.newBufferedWriter(p, StandardCharsets.UTF_8)) {
                        graphml(n, w);
                    }
                    written.add(p);
                }
            }
            case GEXF -> {
                try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                    gexf(networks, w);
                }
                written.add(out);
            }
            case JSON -> {
                try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                    JSON.writeValue(w, json(networks));
                }
                written.add(out);
            }
            case CSV -> written.addAll(csv(networks, out));
        }
        return written;
    }

    private static Path sibling(Path out, String window, String ext) {
        String name = out.getFileName().toString();
        String stem = name.toLowerCase(Locale.ROOT).endsWith(ext) ? name.substring(0, name.length() - ext.length()) : name;
        return out.resolveSibling(stem + "-" + window.replaceAll("[^0-9A-Za-z]+", "-") + ext);
    }

    /** Plain GraphML with typed keys, through JGraphT's exporter: Gephi and Cytoscape both open it. */
    public static void graphml(Network n, Writer w) {
        GraphMLExporter<Node, Link> x = new GraphMLExporter<>(Node::id);
        x.setExportVertexLabels(true);
        x.setExportEdgeWeights(true);
        x.registerAttribute("kind", AttributeCategory.NODE, AttributeType.STRING);
        x.registerAttribute("mode", AttributeCategory.NODE, AttributeType.STRING);
        x.registerAttribute("degree", AttributeCategory.NODE, AttributeType.INT);
        x.registerAttribute("strength", AttributeCategory.NODE, AttributeType.DOUBLE);
        x.registerAttribute("community", AttributeCategory.NODE, AttributeType.INT);
        x.registerAttribute("polarity", AttributeCategory.EDGE, AttributeType.STRING);
        x.registerAttribute("congruence", AttributeCategory.EDGE, AttributeType.INT);
        x.registerAttribute("conflict", AttributeCategory.EDGE, AttributeType.INT);
        x.registerAttribute("issues", AttributeCategory.EDGE, AttributeType.STRING);
        x.registerAttribute("documents", AttributeCategory.EDGE, AttributeType.INT);
        x.registerAttribute("statements", AttributeCategory.EDGE, AttributeType.INT);
        x.registerAttribute("statement_ids", AttributeCategory.EDGE, AttributeType.STRING);
        x.registerAttribute("document_ids", AttributeCategory.EDGE, AttributeType.STRING);
        x.setVertexAttributeProvider(v -> {
            Map<String, Attribute> m = new LinkedHashMap<>();
            m.put("label", DefaultAttribute.createAttribute(v.label()));
            m.put("kind", DefaultAttribute.createAttribute(v.kind()));
            m.put("mode", DefaultAttribute.createAttribute(v.mode().id()));
            m.put("degree", DefaultAttribute.createAttribute(n.degree(v)));
            m.put("strength", DefaultAttribute.createAttribute(n.strength(v)));
            m.put("community", DefaultAttribute.createAttribute(n.communities().getOrDefault(v.id(), 0)));
            return m;
        });
        x.setEdgeAttributeProvider(e -> {
            Map<String, Attribute> m = new LinkedHashMap<>();
            m.put("polarity", DefaultAttribute.createAttribute(e.polarity()));
            m.put("congruence", DefaultAttribute.createAttribute(e.congruence()));
            m.put("conflict", DefaultAttribute.createAttribute(e.conflict()));
            m.put("issues", DefaultAttribute.createAttribute(String.join(" ", issues(e))));
            m.put("documents", DefaultAttribute.createAttribute(e.documents().size()));
            m.put("statements", DefaultAttribute.createAttribute(e.statements().size()));
            m.put("statement_ids", DefaultAttribute.createAttribute(String.join(" ", e.statements())));
            m.put("document_ids", DefaultAttribute.createAttribute(String.join(" ", e.documents())));
            return m;
        });
        x.exportGraph(n.graph(), w);
    }

    /** The issues an edge stands on: the one issue of a two-mode edge, the issues met for one-mode ones. */
    private static SortedSet<String> issues(Link e) {
        SortedSet<String> s = new java.util.TreeSet<>(e.agreed());
        s.addAll(e.disputed());
        if (s.isEmpty() && e.congruence() == 0 && e.conflict() == 0) {
            s.add(e.target());
        }
        return s;
    }

    /**
     * GEXF 1.3, dynamic when there are several windows: each node and edge carries the spells of the windows it is
     * in, and its weight per window as a dynamic attribute. Written with the JDK's StAX writer because JGraphT's
     * exporter writes GEXF 1.2draft without dynamics, and no maintained Java library writes 1.3.
     */
    public static void gexf(List<Network> networks, Writer out) throws IOException {
        boolean dynamic = networks.size() > 1 || networks.get(0).window().start() != null;
        Map<String, Node> nodes = new TreeMap<>();
        Map<String, List<Network>> nodeIn = new TreeMap<>();
        Map<String, List<Link>> edgeIn = new TreeMap<>();
        Map<String, List<Network>> edgeWindows = new TreeMap<>();
        for (Network n : networks) {
            for (Node v : n.graph().vertexSet()) {
                nodes.putIfAbsent(v.id(), v);
                nodeIn.computeIfAbsent(v.id(), k -> new ArrayList<>()).add(n);
            }
            for (Link e : n.graph().edgeSet()) {
                String key = e.source() + "\u0000" + e.target();
                edgeIn.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
                edgeWindows.computeIfAbsent(key, k -> new ArrayList<>()).add(n);
            }
        }
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("gexf");
            x.writeDefaultNamespace("http://gexf.net/1.3");
            x.writeAttribute("version", "1.3");
            x.writeStartElement("meta");
            x.writeStartElement("creator");
            x.writeCharacters("demarche");
            x.writeEndElement();
            x.writeStartElement("description");
            NetworkOptions o = networks.get(0).options();
            x.writeCharacters(o.type().id() + " network, " + o.normalization().id() + " normalisation, level "
                    + o.level().id() + ", window " + o.window());
            x.writeEndElement();
            x.writeEndElement();
            x.writeStartElement("graph");
            x.writeAttribute("defaultedgetype", "undirected");
            x.writeAttribute("mode", dynamic ? "dynamic" : "static");
            if (dynamic) {
                x.writeAttribute("timeformat", "date");
            }
            attributes(x, "node", dynamic, new String[][] {{"kind", "string"}, {"mode", "string"},
                    {"community", "integer"}, {"degree", "integer"}});
            attributes(x, "edge", dynamic, new String[][] {{"polarity", "string"}, {"congruence", "integer"},
                    {"conflict", "integer"}, {"issues", "string"}, {"statement_ids", "string"},
                    {"document_ids", "string"}, {"weight", "double"}});
            x.writeStartElement("nodes");
            for (Node v : nodes.values()) {
                x.writeStartElement("node");
                x.writeAttribute("id", v.id());
                x.writeAttribute("label", v.label() == null ? v.id() : v.label());
                x.writeStartElement("attvalues");
                value(x, "kind", v.kind(), null);
                value(x, "mode", v.mode().id(), null);
                for (Network n : nodeIn.get(v.id())) {
                    value(x, "community", String.valueOf(n.communities().getOrDefault(v.id(), 0)), dynamic ? n : null);
                    value(x, "degree", String.valueOf(n.degree(v)), dynamic ? n : null);
                }
                x.writeEndElement();
                spells(x, dynamic ? nodeIn.get(v.id()) : List.of());
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeStartElement("edges");
            int id = 0;
            for (Map.Entry<String, List<Link>> e : edgeIn.entrySet()) {
                List<Link> links = e.getValue();
                List<Network> in = edgeWindows.get(e.getKey());
                Link last = links.get(links.size() - 1);
                x.writeStartElement("edge");
                x.writeAttribute("id", String.valueOf(id++));
                x.writeAttribute("source", last.source());
                x.writeAttribute("target", last.target());
                if (!dynamic) {
                    x.writeAttribute("weight", String.valueOf(last.weight()));
                }
                x.writeStartElement("attvalues");
                for (int i = 0; i < links.size(); i++) {
                    Link l = links.get(i);
                    Network n = dynamic ? in.get(i) : null;
                    value(x, "polarity", l.polarity(), n);
                    value(x, "congruence", String.valueOf(l.congruence()), n);
                    value(x, "conflict", String.valueOf(l.conflict()), n);
                    value(x, "issues", String.join(" ", issues(l)), n);
                    value(x, "statement_ids", String.join(" ", l.statements()), n);
                    value(x, "document_ids", String.join(" ", l.documents()), n);
                    value(x, "weight", String.valueOf(l.weight()), n);
                }
                x.writeEndElement();
                spells(x, dynamic ? in : List.of());
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndDocument();
            x.flush();
        } catch (XMLStreamException e) {
            throw new IOException("could not write GEXF: " + e.getMessage(), e);
        }
    }

    private static void attributes(XMLStreamWriter x, String cls, boolean dynamic, String[][] defs)
            throws XMLStreamException {
        x.writeStartElement("attributes");
        x.writeAttribute("class", cls);
        x.writeAttribute("mode", dynamic ? "dynamic" : "static");
        for (String[] d : defs) {
            x.writeEmptyElement("attribute");
            x.writeAttribute("id", d[0]);
            x.writeAttribute("title", d[0]);
            x.writeAttribute("type", d[1]);
        }
        x.writeEndElement();
    }

    private static void value(XMLStreamWriter x, String key, String value, Network in) throws XMLStreamException {
        x.writeEmptyElement("attvalue");
        x.writeAttribute("for", key);
        x.writeAttribute("value", value == null ? "" : value);
        if (in != null && in.window().start() != null) {
            x.writeAttribute("start", in.window().start().toString());
            x.writeAttribute("end", in.window().end().minusDays(1).toString());
        }
    }

    private static void spells(XMLStreamWriter x, List<Network> in) throws XMLStreamException {
        List<Network> dated = in.stream().filter(n -> n.window().start() != null).toList();
        if (dated.isEmpty()) {
            return;
        }
        x.writeStartElement("spells");
        for (Network n : dated) {
            x.writeEmptyElement("spell");
            x.writeAttribute("start", n.window().start().toString());
            x.writeAttribute("end", n.window().end().minusDays(1).toString());
        }
        x.writeEndElement();
    }

    /** Tidy tables: one row per node and window, one per edge and window, one per window with its measures. */
    static List<Path> csv(List<Network> networks, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path nodes = dir.resolve("nodes.csv");
        Path edges = dir.resolve("edges.csv");
        Path windows = dir.resolve("windows.csv");
        CSVFormat f = CSVFormat.RFC4180.builder().setRecordSeparator('\n').build();
        try (CSVPrinter pn = new CSVPrinter(Files.newBufferedWriter(nodes, StandardCharsets.UTF_8), f);
             CSVPrinter pe = new CSVPrinter(Files.newBufferedWriter(edges, StandardCharsets.UTF_8), f);
             CSVPrinter pw = new CSVPrinter(Files.newBufferedWriter(windows, StandardCharsets.UTF_8), f)) {
            pn.printRecord("window", "id", "label", "kind", "mode", "degree", "strength", "community");
            pe.printRecord("window", "source", "target", "type", "weight", "polarity", "congruence", "conflict",
                    "issues", "documents", "statements", "document_ids", "statement_ids");
            pw.printRecord("window", "start", "end", "actors", "edges", "communities", "modularity", "polarisation",
                    "camp_1", "camp_2");
            for (Network n : networks) {
                String w = n.window().label();
                for (Node v : sortedNodes(n)) {
                    pn.printRecord(w, v.id(), v.label(), v.kind(), v.mode().id(), n.degree(v), n.strength(v),
                            n.communities().getOrDefault(v.id(), 0));
                }
                for (Link e : sortedLinks(n)) {
                    pe.printRecord(w, e.source(), e.target(), n.options().type().id(), e.weight(), e.polarity(),
                            e.congruence(), e.conflict(), String.join(" ", issues(e)), e.documents().size(),
                            e.statements().size(), String.join(" ", e.documents()), String.join(" ", e.statements()));
                }
                pw.printRecord(w, n.window().start(), n.window().end() == null ? null : n.window().end().minusDays(1),
                        actorCount(n), n.graph().edgeSet().size(), communityCount(n), n.modularity(),
                        n.polarisation(), camp(n, 0), camp(n, 1));
            }
        }
        return List.of(nodes, edges, windows);
    }

    private static String camp(Network n, int i) {
        return n.camps().size() > i ? String.join(" ", n.camps().get(i)) : "";
    }

    private static long actorCount(Network n) {
        return n.graph().vertexSet().stream().filter(v -> v.mode() == Network.Mode.ACTOR).count();
    }

    private static long communityCount(Network n) {
        return n.communities().values().stream().distinct().count();
    }

    private static List<Node> sortedNodes(Network n) {
        return n.graph().vertexSet().stream().sorted(java.util.Comparator.comparing(Node::id)).toList();
    }

    private static List<Link> sortedLinks(Network n) {
        return n.graph().edgeSet().stream().sorted(java.util.Comparator.comparing(Link::source)
                .thenComparing(Link::target)).toList();
    }

    /** The JSON form: the options, then per window its measures, nodes and edges (the API answers the same). */
    public static Map<String, Object> json(List<Network> networks) {
        Map<String, Object> root = new LinkedHashMap<>();
        NetworkOptions o = networks.get(0).options();
        root.put("type", o.type().id());
        root.put("normalization", o.normalization().id());
        root.put("level", o.level().id());
        root.put("issue", o.issue());
        root.put("window", o.window());
        root.put("min_confidence", o.minConfidence());
        List<Object> ws = new ArrayList<>();
        for (Network n : networks) {
            Map<String, Object> w = new LinkedHashMap<>();
            w.put("window", n.window().label());
            w.put("start", n.window().start() == null ? null : n.window().start().toString());
            w.put("end", n.window().end() == null ? null : n.window().end().minusDays(1).toString());
            w.put("actors", actorCount(n));
            w.put("communities", communityCount(n));
            w.put("modularity", n.modularity());
            w.put("polarisation", n.polarisation());
            w.put("camps", n.camps());
            List<Object> nodes = new ArrayList<>();
            for (Node v : sortedNodes(n)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", v.id());
                m.put("label", v.label());
                m.put("kind", v.kind());
                m.put("mode", v.mode().id());
                m.put("degree", n.degree(v));
                m.put("strength", n.strength(v));
                m.put("community", n.communities().getOrDefault(v.id(), 0));
                nodes.add(m);
            }
            List<Object> edges = new ArrayList<>();
            for (Link e : sortedLinks(n)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("source", e.source());
                m.put("target", e.target());
                m.put("weight", e.weight());
                m.put("polarity", e.polarity());
                m.put("congruence", e.congruence());
                m.put("conflict", e.conflict());
                m.put("issues", issues(e));
                m.put("documents", e.documents());
                m.put("statements", e.statements());
                edges.add(m);
            }
            w.put("nodes", nodes);
            w.put("edges", edges);
            ws.add(w);
        }
        root.put("windows", ws);
        return root;
    }
}
