package org.demarche.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.util.List;

/**
 * One ingested document: where it came from, what it said before and after cleaning,
 * and what is known about it. Offsets of every later record point into {@code cleanText}.
 *
 * @param file             the file's base name as ingested
 * @param source           the path it was read from
 * @param hash             SHA-256 of the file's bytes, hex; the document's identity
 * @param mediaType        the detected format, e.g. text/plain, application/pdf
 * @param charset          the character set plain text was decoded with, null for other formats
 * @param originalText     the text as extracted, before any cleaning
 * @param cleanText        the text later stages read: chrome and markup removed
 * @param boilerplateChars how many characters of originalText cleaning removed
 * @param warnings         what a reader should know about the text (kept, but doubtful)
 * @param offsets          maps cleanText offsets to originalText offsets
 */
@JsonPropertyOrder({"file", "source", "metadata", "chars", "boilerplate_chars", "warnings", "sha256", "media_type",
        "charset", "bytes"})
public record Document(
        String file,
        String source,
        @JsonProperty("sha256") String hash,
        @JsonProperty("bytes") long sizeBytes,
        String mediaType,
        String charset,
        @JsonUnwrapped DocumentMetadata metadata,
        @JsonIgnore String originalText,
        @JsonIgnore String cleanText,
        int boilerplateChars,
        List<String> warnings,
        @JsonIgnore OffsetMap offsets) {

    public Document {
        warnings = List.copyOf(warnings);
        metadata = metadata == null ? DocumentMetadata.EMPTY : metadata;
    }

    /** How long the cleaned text is. */
    @JsonProperty("chars")
    public int chars() {
        return cleanText.length();
    }

    /** The same document with one more warning. */
    public Document withWarning(String warning) {
        List<String> w = new java.util.ArrayList<>(warnings);
        w.add(warning);
        return new Document(file, source, hash, sizeBytes, mediaType, charset, metadata, originalText, cleanText,
                boilerplateChars, w, offsets);
    }
}
