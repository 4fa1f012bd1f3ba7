package org.demarche.search;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.demarche.ingest.Corpora;
import org.demarche.ingest.DocumentIngester;
import org.demarche.ingest.Manifest;
import org.demarche.model.Document;
import org.demarche.nlp.CoreNlp;
import org.demarche.nlp.DocumentExtractor;
import org.demarche.store.KnowledgeBase;
import org.demarche.store.Workspace;

/**
 * The bundled example corpus read and extracted by the real stages (ingest, CoreNLP extraction) into a workspace,
 * for the tests of the modules the pipeline is built on (search, export), which cannot use the pipeline itself.
 * Actors are merged by their merge key alone, the first step of the pipeline's merge: enough for these modules'
 * questions, which never depend on how well actors are merged.
 */
public final class SeedWorkspace {

    private SeedWorkspace() {}

    public static Workspace build(Path dir) throws Exception {
        Workspace ws = Workspace.open(dir);
        Manifest manifest = Manifest.read(Corpora.examples().resolve("manifest.csv"));
        DocumentIngester ingester = new DocumentIngester();
        DocumentExtractor extractor = new DocumentExtractor(CoreNlp.get());
        List<Path> seeds;
        try (var files = Files.list(Corpora.examples())) {
            seeds = files.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
        }
        ws.lockForWriting(waiting -> { });
        for (Path p : seeds) {
            byte[] bytes = Files.readAllBytes(p);
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            Document d = ingester.ingest(p.getFileName().toString(), p.toString(), bytes, hash, manifest.metadataFor(p));
            long id = ws.insertDocument(d, "seed-workspace");
            ws.kb().insert(id, extractor.extract(d.cleanText(), d.metadata()));
            ws.commit();
        }
        Map<String, List<KnowledgeBase.LocalActorRow>> byKey = new LinkedHashMap<>();
        ws.kb().forEachLocalActor(a -> byKey.computeIfAbsent(a.key(), k -> new ArrayList<>()).add(a));
        List<KnowledgeBase.MergedActor> merged = new ArrayList<>();
        long next = 1;
        for (List<KnowledgeBase.LocalActorRow> same : byKey.values()) {
            LinkedHashSet<String> aliases = new LinkedHashSet<>();
            same.forEach(a -> aliases.addAll(a.forms()));
            merged.add(new KnowledgeBase.MergedActor(next++, same.get(0).name(), same.get(0).kind(), aliases,
                    same.stream().map(KnowledgeBase.LocalActorRow::id).toList()));
        }
        ws.kb().replaceActors(merged);
        ws.commit();
        ws.unlockForWriting();
        return ws;
    }
}
