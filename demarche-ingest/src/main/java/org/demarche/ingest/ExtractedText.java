package org.demarche.ingest;

import java.util.List;
import org.demarche.model.DocumentMetadata;

/**
 * What a reader got out of a file, before cleaning.
 *
 * @param original     the full extracted text (for plain text: the decoded file)
 * @param blocks       its layout units, in reading order, with offsets into original
 * @param fileMetadata what the file itself declares (HTML meta tags, PDF and Office properties)
 * @param mediaType    the detected format
 * @param charset      the character set plain text was decoded with, else null
 * @param warnings     doubts about the text worth keeping with the document
 */
public record ExtractedText(String original, List<Block> blocks, DocumentMetadata fileMetadata, String mediaType,
                            String charset, List<String> warnings) {
    public ExtractedText {
        blocks = List.copyOf(blocks);
        warnings = List.copyOf(warnings);
        fileMetadata = fileMetadata == null ? DocumentMetadata.EMPTY : fileMetadata;
    }
}
