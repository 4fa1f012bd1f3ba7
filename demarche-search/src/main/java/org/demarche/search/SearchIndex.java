package org.demarche.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.RandomSamplingFacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.index.QueryTimeout;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import java.util.function.Supplier;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.TopDocsCollector;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.uhighlight.CustomSeparatorBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.demarche.model.DocumentMetadata;
import org.demarche.model.RecordId;
import org.demarche.model.Statement;
import org.demarche.store.KnowledgeBase;
import org.demarche.store.Workspace;

/**
 * Full-text search over a workspace's documents and statements (Apache Lucene), with facets
 * (actor, issue, stance, kind, year, publisher, type), phrase queries and highlighted
 * snippets. The index lives in the workspace's {@code index} folder and is rebuilt whenever
 * the workspace's content signature changes, so a replaced or removed document is never
 * found. Thread-safe for searching; one searcher per opened index.
 */
public final class SearchIndex implements Closeable {

    /** The facet dimensions, in the order they are shown. */
    public static final List<String> FACETS = List.of("type", "kind", "actor", "issue", "stance", "position", "year", "publisher");
    /** position: "issue:polarity", so that a stance filter can be tied to an issue. */
    private static final Set<String> MULTI = Set.of("actor", "issue", "stance", "position");
    private static final String SIGNATURE_FILE = "signature.txt";
    private static final Set<String> HIT_FIELDS = Set.of("id", "doc", "file", "title", "speaker", "speaker_id", "kind",
            "date", "start", "end");

    /** Bump when what is indexed, or how, changes: the index is rebuilt. */
    private static final String INDEX_VERSION = "index-6"; // 6: dates a range and a sort can read
    /** Text with offsets in the postings: the highlighter reads them instead of analysing every hit again. */
    private static final FieldType TEXT_INDEXED = textWithOffsets();
    private static final String SNIPPET_FIELD = "snippet_source";
    /** How much of a document's text its snippets are cut from. */
    static final int SNIPPET_SOURCE = 12_000;

    private static FieldType textWithOffsets() {
        FieldType t = new FieldType(TextField.TYPE_NOT_STORED);
        t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        t.freeze();
        return t;
    }

    /** Hits a page may hold, and hits that may be skipped: the same bounds for the command line and the API. */
    public static final int MAX_LIMIT = 200;
    public static final int MAX_OFFSET = 10_000;
    /** The query budget: words and phrases, terms that expand (fuzzy~, wild*, ranges), characters, and time. */
    public static final int MAX_CLAUSES = 64;
    public static final int MAX_EXPANDING = 4;
    public static final int MAX_QUERY_CHARS = 2_000;
    public static final long TIME_LIMIT_MS = 1_000;

    /**
     * What to look for: free text (Lucene query syntax, "phrases" included) and facet filters.
     * A limit or offset out of bounds is an IllegalArgumentException naming the bound.
     */
    public record Request(String text, Map<String, List<String>> filters, int limit, int offset, String from, String to,
                          boolean byDate) {
        /** Any date, by relevance. */
        public Request(String text, Map<String, List<String>> filters, int limit, int offset) {
            this(text, filters, limit, offset, null, null, false);
        }

        public Request {
            filters = filters == null ? Map.of() : filters;
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
            }
            if (offset < 0 || offset > MAX_OFFSET) {
                throw new IllegalArgumentException("offset must be between 0 and " + MAX_OFFSET);
            }
        }
    }

    /** One hit: a statement ("s12") or a document ("d3"), with its snippet and the matched words' spans in it. */
    public record Hit(RecordId id, String type, RecordId doc, String file, String title, RecordId speaker,
                      String speakerName, String kind, String date, int start, int end, float score, Snippet snippet) {}

    /** Facet value and count. */
    public record Count(String value, long count) {}

    /** @param facetsEstimated the facet counts are scaled up from a random sample of the hits (there were more than FACET_SAMPLE) */
    public record Result(long total, List<Hit> hits, Map<String, List<Count>> facets, boolean facetsEstimated) {}

    /** Hits past which facet counts are estimated from a sample of this many. */
    static final int FACET_SAMPLE = 5_000;

    private final Directory dir;
    /** Lucene's own reopening: a rebuilt index (another process's ingest) is picked up by {@link #refresh()}. */
    private final SearcherManager searchers;
    private final Analyzer analyzer = new EnglishAnalyzer();
    private final FacetsConfig config = facetsConfig();

    /** A searcher with the facet state of its reader (built once per reader: it reads every ordinal). */
    private static final class FacetedSearcher extends IndexSearcher {
        final SortedSetDocValuesReaderState facetState;

        FacetedSearcher(IndexReader reader, FacetsConfig config) throws IOException {
            super(reader);
            this.facetState = new DefaultSortedSetDocValuesReaderState(reader, config);
            setTimeout(Deadline.TIMEOUT);
        }
    }

    /**
     * The time limit of the search running on this thread. Lucene reads one QueryTimeout per searcher,
     * and the searcher is shared by every request thread, so the deadline is the thread's own.
     */
    private static final class Deadline {
        static final ThreadLocal<long[]> CURRENT = ThreadLocal.withInitial(() -> new long[] {Long.MAX_VALUE, 0});
        static final QueryTimeout TIMEOUT = () -> {
            long[] d = CURRENT.get();
            if (System.nanoTime() > d[0]) {
                d[1] = 1;
                return true;
            }
            return false;
        };

        static void start(long millis) {
            long[] d = CURRENT.get();
            d[0] = System.nanoTime() + millis * 1_000_000L;
            d[1] = 0;
        }

        /** True if the search since start() ran out of time; clears the deadline. */
        static boolean exceeded() {
            long[] d = CURRENT.get();
            boolean out = d[1] == 1 || System.nanoTime() > d[0];
            d[0] = Long.MAX_VALUE;
            d[1] = 0;
            return out;
        }
    }

    private SearchIndex(Path path) throws IOException {
        this.dir = FSDirectory.open(path);
        FacetsConfig c = config;
        this.searchers = new SearcherManager(dir, new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) throws IOException {
                return new FacetedSearcher(reader, c);
            }
        });
    }

    /** Opens the index as last committed (a rebuild by another process included); true if it changed. */
    public boolean refresh() {
        try {
            IndexSearcher before = searchers.acquire();
            try {
                searchers.maybeRefreshBlocking();
            } finally {
                searchers.release(before);
            }
            IndexSearcher after = searchers.acquire();
            try {
                return after != before;
            } finally {
                searchers.release(after);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the search index cannot be reopened", e);
        }
    }

    static FacetsConfig facetsConfig() {
        FacetsConfig c = new FacetsConfig();
        for (String dim : MULTI) {
            c.setMultiValued(dim, true);
        }
        return c;
    }

    /**
     * Opens the workspace's index, building or rebuilding it first if the workspace changed, unless
     * another process is writing to the workspace: that process rebuilds it when it is done, and until
     * then the index as last built is read (the server reopens it when it changes).
     */
    public static SearchIndex open(Workspace ws) {
        boolean took = !ws.isWriter() && ws.tryLockForWriting(1);
        try {
            if (took || ws.isWriter()) {
                sync(ws);
            } else if (!Files.exists(ws.dir().resolve("index").resolve(SIGNATURE_FILE)) && ws.isReadOnly()) {
                throw new IllegalStateException("the workspace " + ws.dir() + " has no search index yet, and it is open "
                        + "read-only (a full disk): free some space and run the ingest again");
            } else if (!Files.exists(ws.dir().resolve("index").resolve(SIGNATURE_FILE))) {
                throw new IllegalStateException("the search index of " + ws.dir() + " is being built by the ingest "
                        + "running now; ask again when it has finished");
            }
        } finally {
            if (took) {
                ws.unlockForWriting();
            }
        }
        try {
            return new SearchIndex(ws.dir().resolve("index"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index in " + ws.dir(), e);
        }
    }

    /** Rebuilds the index if the workspace's content changed since it was built; returns the units indexed (0: up to date). */
    public static int sync(Workspace ws) {
        Path path = ws.dir().resolve("index");
        String signature = INDEX_VERSION + ":" + ws.contentSignature();
        try {
            Path sig = path.resolve(SIGNATURE_FILE);
            if (Files.exists(sig) && Files.readString(sig, StandardCharsets.UTF_8).equals(signature)
                    && DirectoryReader.indexExists(FSDirectory.open(path))) {
                return 0;
            }
            Files.createDirectories(path);
            int n = build(ws, path);
            Files.writeString(sig, signature, StandardCharsets.UTF_8); // written last: a crash mid-build rebuilds
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the search index in " + path, e);
        }
    }

    private static int build(Workspace ws, Path path) throws IOException {
        FacetsConfig config = facetsConfig();
        IndexWriterConfig iwc = new IndexWriterConfig(new EnglishAnalyzer()).setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setRAMBufferSizeMB(64);
        int[] count = {0};
        try (Directory dir = FSDirectory.open(path); IndexWriter w = new IndexWriter(dir, iwc)) {
            KnowledgeBase kb = ws.kb();
            Map<RecordId, String> names = new HashMap<>();
            kb.forEachActor(a -> names.put(a.id(), a.name()));
            Map<Long, List<Long>> docActors = kb.actorIdsByDocument();
            Map<RecordId, DocumentMetadata> meta = new HashMap<>();
            Map<RecordId, String> files = new HashMap<>();
            ws.forEachDocument(sd -> {
                DocumentMetadata m = sd.document().metadata();
                meta.put(sd.id(), m);
                files.put(sd.id(), sd.document().file());
                Document d = new Document();
                d.add(new StringField("id", sd.id().toString(), Field.Store.YES));
                d.add(new StoredField("doc", sd.id().toString()));
                d.add(new StoredField("file", sd.document().file()));
                store(d, "title", m.title());
                date(d, m.published());
                addText(d, sd.document().cleanText());
                d.add(new SortedSetDocValuesFacetField("type", "document"));
                facet(d, "year", year(m.published()));
                facet(d, "publisher", m.publisher());
                for (long a : docActors.getOrDefault(sd.id().number(), List.of())) {
                    facet(d, "actor", names.get(RecordId.actor(a)));
                }
                write(w, config, d);
                count[0]++;
            });
            kb.forEachStatement(s -> {
                DocumentMetadata m = meta.getOrDefault(s.doc(), DocumentMetadata.EMPTY);
                Document d = new Document();
                d.add(new StringField("id", s.id().toString(), Field.Store.YES));
                d.add(new StoredField("doc", s.doc().toString()));
                d.add(new StoredField("file", files.getOrDefault(s.doc(), "")));
                store(d, "title", m.title());
                String date = s.date() != null ? s.date() : m.published();
                date(d, date);
                addText(d, s.text());
                d.add(new StoredField("start", s.start()));
                d.add(new StoredField("end", s.end()));
                d.add(new SortedSetDocValuesFacetField("type", "statement"));
                facet(d, "kind", s.kind().id());
                store(d, "kind", s.kind().id());
                facet(d, "year", year(date));
                facet(d, "publisher", m.publisher());
                if (s.speaker() != null) {
                    store(d, "speaker", names.get(s.speaker()));
                    d.add(new StoredField("speaker_id", s.speaker().toString()));
                    facet(d, "actor", names.get(s.speaker()));
                }
                Set<String> stances = new LinkedHashSet<>();
                for (Statement.Issue i : s.issues()) {
                    facet(d, "issue", i.issue());
                    stances.add(i.polarity().id());
                    facet(d, "position", i.issue() + ":" + i.polarity().id());
                }
                stances.forEach(p -> facet(d, "stance", p));
                write(w, config, d);
                count[0]++;
            });
            // one segment: facet counts then need no ordinal map across segments (search p95 79 -> 60 ms on the
            // whole UNGDC corpus); the index is built once per ingest and only read after that
            w.forceMerge(1);
            w.commit();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return count[0];
    }

    /**
     * All of the text is searchable (with offsets); what snippets are cut from (its first
     * {@link #SNIPPET_SOURCE} characters) is kept in uncompressed doc values, not in the stored
     * fields: a hit's snippet then costs no decompression of the whole document.
     */
    private static void addText(Document d, String text) {
        d.add(new Field("text", text, TEXT_INDEXED));
        String source = text.length() > SNIPPET_SOURCE ? text.substring(0, SNIPPET_SOURCE) : text;
        d.add(new BinaryDocValuesField(SNIPPET_FIELD, new BytesRef(source)));
    }

    /** The snippet source of a hit, read from doc values. */
    static String snippetSource(IndexReader reader, int doc) throws IOException {
        List<LeafReaderContext> leaves = reader.leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        BinaryDocValues values = leaf.reader().getBinaryDocValues(SNIPPET_FIELD);
        if (values == null || !values.advanceExact(doc - leaf.docBase)) {
            return "";
        }
        return values.binaryValue().utf8ToString();
    }

    private static void write(IndexWriter w, FacetsConfig config, Document d) {
        try {
            w.addDocument(config.build(d));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A date stored for the hit, as a term for date ranges and as a sort key (ISO text sorts as time does). */
    private static void date(Document d, String iso) {
        if (iso != null && !iso.isBlank()) {
            d.add(new StoredField("date", iso));
            d.add(new StringField("date_key", iso, Field.Store.NO));
            d.add(new SortedDocValuesField("date_sort", new BytesRef(iso)));
        }
    }

    private static void store(Document d, String field, String value) {
        if (value != null) {
            d.add(new StoredField(field, value));
        }
    }

    private static void facet(Document d, String dim, String value) {
        if (value != null && !value.isBlank()) {
            d.add(new SortedSetDocValuesFacetField(dim, value));
        }
    }

    private static String year(String date) {
        return date != null && date.length() >= 4 && date.substring(0, 4).chars().allMatch(Character::isDigit)
                ? date.substring(0, 4) : null;
    }

    /**
     * Searches. A query the parser cannot read, or one over the budget (clauses, expanding terms, length,
     * time), is an IllegalArgumentException with the reason.
     */
    public Result search(Request r) {
        FacetedSearcher searcher;
        try {
            searcher = (FacetedSearcher) searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException("the search index cannot be read", e);
        }
        Deadline.start(TIME_LIMIT_MS);
        try {
            Result result = search(searcher, r);
            if (Deadline.exceeded()) {
                throw new IllegalArgumentException("the query took longer than " + TIME_LIMIT_MS
                        + " ms and was stopped: use fewer fuzzy~ or wild* terms, or longer words before *");
            }
            return result;
        } catch (IndexSearcher.TooManyClauses e) {
            throw new IllegalArgumentException("the query expands to more than " + IndexSearcher.getMaxClauseCount()
                    + " terms: use fewer fuzzy~ or wild* terms, or longer words before *");
        } finally {
            Deadline.exceeded();
            try {
                searchers.release(searcher);
            } catch (IOException e) {
                // released or not, the searcher is closed with the manager
            }
        }
    }

    /** The query as parsed, within the budget. */
    Query parse(String text) {
        if (text == null || text.isBlank()) {
            return new MatchAllDocsQuery();
        }
        if (text.length() > MAX_QUERY_CHARS) {
            throw new IllegalArgumentException("the query is longer than " + MAX_QUERY_CHARS + " characters");
        }
        QueryParser parser = new QueryParser("text", analyzer);
        parser.setDefaultOperator(QueryParser.Operator.AND);
        Query q;
        try {
            q = parser.parse(text);
        } catch (ParseException e) {
            throw new IllegalArgumentException("cannot read the query: " + e.getMessage().lines().findFirst().orElse(""));
        } catch (IndexSearcher.TooManyClauses e) {
            throw new IllegalArgumentException("the query has more than " + MAX_CLAUSES + " words and phrases");
        }
        int[] clauses = {0};
        int[] expanding = {0};
        q.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query query, Term... terms) {
                clauses[0]++;
            }

            @Override
            public void consumeTermsMatching(Query query, String field, Supplier<ByteRunAutomaton> automaton) {
                clauses[0]++;
                expanding[0]++;
            }

            @Override
            public void visitLeaf(Query query) {
                clauses[0]++;
                if (query instanceof MultiTermQuery) {
                    expanding[0]++;
                }
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        if (clauses[0] > MAX_CLAUSES) {
            throw new IllegalArgumentException("the query has " + clauses[0] + " words and phrases; at most " + MAX_CLAUSES);
        }
        if (expanding[0] > MAX_EXPANDING) {
            throw new IllegalArgumentException("the query has " + expanding[0] + " fuzzy~, wild* or range terms; at most "
                    + MAX_EXPANDING);
        }
        return q;
    }

    private Result search(FacetedSearcher searcher, Request r) {
        IndexReader reader = searcher.getIndexReader();
        SortedSetDocValuesReaderState facetState = searcher.facetState;
        try {
            Query base = parse(r.text());
            Query dated = base;
            if (r.from() != null || r.to() != null) {
                // ISO prefixes, inclusive: from 2007 to 2008 takes every date of both years
                dated = new BooleanQuery.Builder().add(base, BooleanClause.Occur.MUST)
                        .add(TermRangeQuery.newStringRange("date_key", r.from(), r.to() == null ? null : r.to() + "\uffff",
                                true, true), BooleanClause.Occur.FILTER).build();
            }
            DrillDownQuery q = new DrillDownQuery(config, dated);
            r.filters().forEach((dim, values) -> {
                if (!FACETS.contains(dim)) {
                    throw new IllegalArgumentException("no facet '" + dim + "'; facets are " + FACETS);
                }
                for (String v : values) {
                    q.add(dim, v);
                }
            });
            // counting facets over tens of thousands of hits was most of a slow search's time: past FACET_SAMPLE
            // hits they are counted on a random sample (fixed seed: a query always gives the same counts), scaled up
            TopDocsCollector<?> topCollector;
            if (r.byDate()) {
                SortField date = new SortField("date_sort", SortField.Type.STRING);
                date.setMissingValue(SortField.STRING_LAST);
                topCollector = TopFieldCollector.create(new Sort(date, SortField.FIELD_SCORE),
                        Math.max(1, r.offset() + r.limit()), Integer.MAX_VALUE);
            } else {
                topCollector = TopScoreDocCollector.create(Math.max(1, r.offset() + r.limit()), Integer.MAX_VALUE);
            }
            RandomSamplingFacetsCollector fc = new RandomSamplingFacetsCollector(FACET_SAMPLE, 17L);
            searcher.search(q, MultiCollector.wrap(topCollector, fc));
            TopDocs top = topCollector.topDocs();
            boolean sampled = top.totalHits.value > FACET_SAMPLE;
            Facets facets = new SortedSetDocValuesFacetCounts(facetState, fc);
            Map<String, List<Count>> counts = new LinkedHashMap<>();
            for (String dim : FACETS) {
                FacetResult res;
                try {
                    res = facets.getTopChildren(20, dim);
                    if (sampled && res != null) {
                        res = fc.amortizeFacetCounts(res, config, searcher);
                    }
                } catch (IllegalArgumentException e) {
                    res = null; // no document has this dimension yet
                }
                List<Count> list = new ArrayList<>();
                if (res != null) {
                    for (LabelAndValue lv : res.labelValues) {
                        list.add(new Count(lv.label, lv.value.longValue()));
                    }
                }
                counts.put(dim, list);
            }
            ScoreDoc[] page = java.util.Arrays.copyOfRange(top.scoreDocs, Math.min(r.offset(), top.scoreDocs.length),
                    top.scoreDocs.length);
            int[] ids = new int[page.length];
            for (int i = 0; i < page.length; i++) {
                ids[i] = page[i].doc;
            }
            Object[] snippets = new Object[page.length];
            if (page.length > 0 && !(base instanceof MatchAllDocsQuery)) {
                Highlighter hl = new Highlighter(UnifiedHighlighter.builder(searcher, analyzer)
                        .withFormatter(new Snippet.Formatter()).withMaxLength(SNIPPET_SOURCE)
                        // passages end at a full stop: a plain scan, where the JDK's sentence iterator dominated the profile
                        .withBreakIterator(() -> new CustomSeparatorBreakIterator('.')));
                Map<String, Object[]> m = hl.objects(base, ids);
                snippets = m.get("text");
            }
            List<Hit> hits = new ArrayList<>();
            for (int i = 0; i < page.length; i++) {
                Document d = searcher.storedFields().document(ids[i], HIT_FIELDS);
                Snippet snip = snippets[i] instanceof Snippet hl ? hl : Snippet.head(snippetSource(reader, ids[i]), 240);
                boolean statement = d.get("id").startsWith("s");
                hits.add(new Hit(RecordId.parse(d.get("id")), statement ? "statement" : "document",
                        RecordId.parse(d.get("doc")), d.get("file"), d.get("title"),
                        d.get("speaker_id") == null ? null : RecordId.parse(d.get("speaker_id")), d.get("speaker"),
                        d.get("kind"), d.get("date"),
                        statement ? d.getField("start").numericValue().intValue() : 0,
                        statement ? d.getField("end").numericValue().intValue() : 0, page[i].score, snip));
            }
            return new Result(top.totalHits.value, hits, counts, sampled);
        } catch (IOException e) {
            throw new UncheckedIOException("the search index cannot be read", e);
        }
    }

    /** Lucene's unified highlighter, with its passages as {@link Snippet} objects rather than strings. */
    private static final class Highlighter extends UnifiedHighlighter {
        Highlighter(UnifiedHighlighter.Builder b) {
            super(b);
        }

        Map<String, Object[]> objects(Query q, int[] docIds) throws IOException {
            return highlightFieldsAsObjects(new String[] {"text"}, q, docIds, new int[] {2});
        }

        /** The text to cut passages from comes from doc values, not from the stored fields. */
        @Override
        protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold)
                throws IOException {
            List<CharSequence[]> out = new ArrayList<>();
            for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docIter.nextDoc()) {
                CharSequence[] values = new CharSequence[fields.length];
                for (int f = 0; f < fields.length; f++) {
                    values[f] = snippetSource(getIndexSearcher().getIndexReader(), doc);
                }
                out.add(values);
            }
            return out;
        }
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        dir.close();
    }
}
