package org.demarche.ingest;

import java.util.Set;

/**
 * The formats that hold no text to read, refused with the reason: archives (unpack them first), images,
 * sound and video (no OCR or transcription), and bytes of no known format. Asked before Tika, which would
 * otherwise open them.
 */
final class RefusedFormats implements FormatReader {

    private static final Set<String> ARCHIVES = Set.of("application/zip", "application/gzip", "application/x-gzip",
            "application/x-tar", "application/x-7z-compressed", "application/x-rar-compressed", "application/x-bzip2",
            "application/x-xz", "application/java-archive");

    @Override
    public boolean reads(Input input) {
        String type = input.mediaType();
        return type != null && (type.equals("application/octet-stream") || ARCHIVES.contains(type)
                || type.startsWith("image/") || type.startsWith("audio/") || type.startsWith("video/"));
    }

    @Override
    public void read(Input input, Sink sink) throws IngestException {
        String type = input.mediaType();
        if (type.equals("application/octet-stream")) {
            throw new IngestException("binary data of no known document format");
        }
        if (ARCHIVES.contains(type)) {
            throw new IngestException("an archive (" + type + "): unpack it and ingest the folder");
        }
        throw new IngestException("no text to read in " + type + " (OCR and transcription are not supported)");
    }
}
