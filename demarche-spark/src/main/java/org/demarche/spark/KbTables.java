package org.demarche.spark;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import scala.jdk.javaapi.CollectionConverters;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.demarche.model.Document;
import org.demarche.model.DocumentMetadata;
import org.demarche.model.Extraction;

/**
 * The knowledge base as the Spark job writes it: one Parquet table per kind of record, each row
 * keyed by its document's source and its place in the document's list (n). The column names are
 * the ones ParquetImport reads (pipeline module); documents hold everything ingest stores of a
 * file, so an import stores exactly what a single-machine ingest would.
 */
final class KbTables {

    static final StructType DOCUMENTS = schema(
            "source", StringType, "file", StringType, "hash", StringType, "size_bytes", LongType,
            "media_type", StringType, "charset", StringType, "url", StringType, "title", StringType,
            "published", StringType, "publisher", StringType, "author", StringType, "speaker", StringType,
            "speaker_kind", StringType, "speaker_role", StringType, "speaker_for", StringType, "language", StringType,
            "original_text", StringType, "clean_text", StringType, "boilerplate_chars", IntegerType,
            "warnings", createArrayType(StringType), "offsets", StringType, "fingerprint", StringType,
            "source_size", LongType, "modified", LongType, "extracted", BooleanType, "extraction_warnings", createArrayType(StringType));
    static final StructType ACTORS = schema("source", StringType, "n", IntegerType, "name", StringType,
            "kind", StringType, "actor_key", StringType, "forms", createArrayType(StringType));
    static final StructType MENTIONS = schema("source", StringType, "n", IntegerType, "actor", IntegerType,
            "kind", StringType, "start_offset", IntegerType, "end_offset", IntegerType, "text", StringType);
    static final StructType STATEMENTS = schema("source", StringType, "n", IntegerType, "speaker", IntegerType,
            "kind", StringType, "start_offset", IntegerType, "end_offset", IntegerType, "text", StringType,
            "date", StringType, "cue", StringType, "found_by", StringType, "confidence", DoubleType);
    static final StructType ROLES = schema("source", StringType, "n", IntegerType, "actor", IntegerType,
            "title", StringType, "of_actor", IntegerType, "date", StringType, "start_offset", IntegerType,
            "end_offset", IntegerType);
    static final StructType EVENTS = schema("source", StringType, "n", IntegerType, "kind", StringType,
            "actors", createArrayType(IntegerType), "target", IntegerType, "place", StringType, "date", StringType,
            "start_offset", IntegerType, "end_offset", IntegerType, "text", StringType);
    static final StructType FAILURES = schema("source", StringType, "reason", StringType);

    private KbTables() {}

    private static StructType schema(Object... nameType) {
        StructField[] fields = new StructField[nameType.length / 2];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = new StructField((String) nameType[2 * i], (DataType) nameType[2 * i + 1], true, Metadata.empty());
        }
        return new StructType(fields);
    }

    /** Spark 4 takes an array column's value as a Scala sequence. */
    private static <T> scala.collection.immutable.List<T> seq(List<T> list) {
        return CollectionConverters.asScala(list).toList();
    }

    static Row document(String source, Document d, String fingerprint, long sourceSize, long modified, Extraction x) {
        DocumentMetadata m = d.metadata();
        return RowFactory.create(source, d.file(), d.hash(), d.sizeBytes(), d.mediaType(), d.charset(), m.url(),
                m.title(), m.published(), m.publisher(), m.author(), m.speaker(), m.speakerKind(), m.speakerRole(),
                m.speakerFor(), m.language(), d.originalText(), d.cleanText(), d.boilerplateChars(),
                seq(d.warnings()), d.offsets().encode(), fingerprint, sourceSize, modified, x != null,
                seq(x == null ? List.<String>of() : x.warnings()));
    }

    static List<Row> actors(String source, Extraction x) {
        List<Row> rows = new ArrayList<>();
        for (Extraction.LocalActor a : x.actors()) {
            rows.add(RowFactory.create(source, a.index(), a.name(), a.kind().name(), a.key(), seq(new ArrayList<>(a.forms()))));
        }
        return rows;
    }

    static List<Row> mentions(String source, Extraction x) {
        List<Row> rows = new ArrayList<>();
        int n = 0;
        for (Extraction.Mention m : x.mentions()) {
            rows.add(RowFactory.create(source, n++, m.actor(), m.kind(), m.start(), m.end(), m.text()));
        }
        return rows;
    }

    static List<Row> statements(String source, Extraction x) {
        List<Row> rows = new ArrayList<>();
        int n = 0;
        for (Extraction.SaidText s : x.statements()) {
            rows.add(RowFactory.create(source, n++, s.speaker(), s.kind().name(), s.start(), s.end(), s.text(), s.date(),
                    s.cue(), s.foundBy(), Double.isNaN(s.confidence()) ? null : s.confidence()));
        }
        return rows;
    }

    static List<Row> roles(String source, Extraction x) {
        List<Row> rows = new ArrayList<>();
        int n = 0;
        for (Extraction.Role r : x.roles()) {
            rows.add(RowFactory.create(source, n++, r.actor(), r.title(), r.ofActor(), r.date(), r.start(), r.end()));
        }
        return rows;
    }

    static List<Row> events(String source, Extraction x) {
        List<Row> rows = new ArrayList<>();
        int n = 0;
        for (Extraction.Happening h : x.events()) {
            rows.add(RowFactory.create(source, n++, h.kind(), seq(h.actors()), h.target(), h.place(), h.date(),
                    h.start(), h.end(), h.text()));
        }
        return rows;
    }
}
