package org.demarche.model;

/**
 * Facts about a document that its text may not say (spec/CONTRACT.md section 2).
 * They come from three places, in order of trust: the manifest, the file's own
 * metadata (HTML meta tags, PDF info), and what the text shows (a byline, a dateline).
 * Every field may be null.
 */
public record DocumentMetadata(
        String url,
        String title,
        String published,
        String publisher,
        String author,
        String speaker,
        String speakerKind,
        String speakerRole,
        String speakerFor,
        String language) {

    public static final DocumentMetadata EMPTY =
            new DocumentMetadata(null, null, null, null, null, null, null, null, null, null);

    /** Field by field: this record's value where it has one, else the fallback's. */
    public DocumentMetadata orElse(DocumentMetadata fallback) {
        if (fallback == null) {
            return this;
        }
        return new DocumentMetadata(
                pick(url, fallback.url),
                pick(title, fallback.title),
                pick(published, fallback.published),
                pick(publisher, fallback.publisher),
                pick(author, fallback.author),
                pick(speaker, fallback.speaker),
                pick(speakerKind, fallback.speakerKind),
                pick(speakerRole, fallback.speakerRole),
                pick(speakerFor, fallback.speakerFor),
                pick(language, fallback.language));
    }

    private static String pick(String preferred, String fallback) {
        return preferred != null && !preferred.isBlank() ? preferred : fallback;
    }
}
