package org.demarche.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.demarche.model.DocumentMetadata;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcPayload;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTruncationReason;

/**
 * Web archives (WARC, WARC.gz, read with jwarc), a container: each captured page becomes one document, with
 * the record's URL and date as metadata. A broken record ends the reading of its file, not the batch: what
 * was read before it is kept, and the problem is reported with the record's number.
 */
final class WebArchiveReader implements FormatReader {

    /** Payload types read as documents; an archive's images, scripts and styles are not. */
    private static final Set<String> DOCUMENT_TYPES = Set.of("text/html", "application/xhtml+xml", "text/plain",
            "application/pdf", "application/rtf", "text/rtf", "application/msword",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    @Override
    public boolean reads(Input input) {
        return input.file() != null && (input.lowerName().endsWith(".warc") || input.lowerName().endsWith(".warc.gz"));
    }

    @Override
    public void read(Input input, Sink sink) throws IOException {
        long maxItemBytes = input.maxItemBytes();
        int number = 0;
        try (WarcReader reader = new WarcReader(input.file())) {
            while (true) {
                Optional<WarcRecord> next;
                try {
                    next = reader.next();
                } catch (IOException | RuntimeException e) {
                    sink.problem("record " + (number + 1), "unreadable, the rest of the archive is skipped: "
                            + IngestException.oneLine(e));
                    return;
                }
                if (next.isEmpty()) {
                    return;
                }
                number++;
                WarcRecord record = next.get();
                try {
                    warcRecord(record, number, maxItemBytes, sink);
                } catch (IOException | RuntimeException e) {
                    sink.problem("record " + number, "unreadable, the rest of the archive is skipped: "
                            + IngestException.oneLine(e));
                    return;
                }
            }
        }
    }

    private static void warcRecord(WarcRecord record, int number, long maxItemBytes, Sink sink) throws IOException {
        String url;
        Optional<WarcPayload> payload;
        if (record instanceof WarcResponse r) {
            if (r.contentType().base().toString().startsWith("application/http") && r.http().status() != 200) {
                sink.skipped();
                return;
            }
            url = r.target();
            payload = r.payload();
        } else if (record instanceof WarcResource r) {
            url = r.target();
            payload = r.payload();
        } else {
            return; // warcinfo, request, metadata, revisit: no document of their own
        }
        if (payload.isEmpty() || !DOCUMENT_TYPES.contains(baseType(payload.get().type()))) {
            sink.skipped();
            return;
        }
        byte[] bytes;
        try (InputStream in = payload.get().body().stream()) {
            // one byte past the limit says it is over; no limit (the Spark job's Long.MAX_VALUE) must not overflow
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8L, Math.max(maxItemBytes, maxItemBytes + 1)));
        }
        if (bytes.length > maxItemBytes) {
            sink.problem("record " + number + " (" + url + ")", String.format("too large: over %,d bytes", maxItemBytes));
            return;
        }
        if (record.truncated() != null && record.truncated() != WarcTruncationReason.NOT_TRUNCATED) {
            sink.problem("record " + number + " (" + url + ")", "the capture was cut short (" + record.truncated()
                    + "): kept as it is");
        }
        String date = record.date() == null ? null : record.date().atZone(ZoneOffset.UTC).toLocalDate().toString();
        sink.item(new Item(Integer.toString(number), bytes,
                new DocumentMetadata(url, null, date, null, null, null, null, null, null, null)));
    }

    private static String baseType(MediaType type) {
        return type == null ? "" : type.base().toString().toLowerCase(Locale.ROOT);
    }

}
