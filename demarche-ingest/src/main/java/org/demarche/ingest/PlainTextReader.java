package org.demarche.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.demarche.model.DocumentMetadata;

/**
 * Splits plain text into paragraph blocks. A paragraph ends at a blank line; in hard-wrapped
 * text without blank lines (verbatim records, PDF extractions) it also ends where the next line
 * is indented or numbered after a line that closed a sentence. Lines inside a block are kept
 * exactly as they are, so every block is one contiguous span of the original.
 *
 * <p>As a {@link FormatReader}: the text formats Tika does not take (their markup is the layout), decoded
 * by {@link TextDecoder}.
 */
public final class PlainTextReader implements FormatReader {

    private static final Pattern NUMBERED = Pattern.compile("^\\s*\\d{1,3}\\.\\s");

    @Override
    public boolean reads(Input input) {
        return isText(input.mediaType());
    }

    @Override
    public void read(Input input, Sink sink) throws IngestException {
        sink.text(text(input, blocks(input.text().text()), "text/plain"));
    }

    /** A text type that no reader of markup takes. */
    static boolean isText(String type) {
        return type != null && type.startsWith("text/") && !TikaReader.TEXT_TYPES.contains(type);
    }

    /** A text file's reading: refused when it holds no block. */
    static ExtractedText text(Input input, List<Block> blocks, String mediaType) throws IngestException {
        if (blocks.isEmpty()) {
            throw new IngestException("no text (the file holds only white space)");
        }
        TextDecoder.Decoded d = input.text();
        return new ExtractedText(d.text(), blocks, DocumentMetadata.EMPTY, mediaType, d.charset(), d.warnings());
    }

    public static List<Block> blocks(String text) {
        List<Block> out = new ArrayList<>();
        int blockStart = -1; // offset of the block's first line
        int prevLineEnd = -1;
        int pos = 0;
        int n = text.length();
        while (pos <= n) {
            int eol = text.indexOf('\n', pos);
            int lineEnd = eol < 0 ? n : eol;
            String line = text.substring(pos, lineEnd);
            boolean blank = line.isBlank();
            if (blank) {
                if (blockStart >= 0) {
                    add(out, text, blockStart, prevLineEnd);
                    blockStart = -1;
                }
            } else {
                if (blockStart >= 0 && startsParagraph(line) && endsSentence(text.substring(blockStart, prevLineEnd))) {
                    add(out, text, blockStart, prevLineEnd);
                    blockStart = -1;
                }
                if (blockStart < 0) {
                    blockStart = pos;
                }
                prevLineEnd = lineEnd;
            }
            if (eol < 0) {
                break;
            }
            pos = eol + 1;
        }
        if (blockStart >= 0) {
            add(out, text, blockStart, prevLineEnd);
        }
        return out;
    }

    private static boolean startsParagraph(String line) {
        return Character.isWhitespace(line.charAt(0)) || NUMBERED.matcher(line).find();
    }

    static boolean endsSentence(CharSequence s) {
        int i = s.length() - 1;
        while (i >= 0 && (Character.isWhitespace(s.charAt(i)) || "\"'”’»)]*".indexOf(s.charAt(i)) >= 0)) {
            i--;
        }
        return i >= 0 && ".!?…".indexOf(s.charAt(i)) >= 0;
    }

    /** Lines longer than this are whole paragraphs: nobody hard-wraps that wide. */
    private static final int UNWRAPPED_LINE = 150;

    /** Adds the block, or each of its lines when the text keeps one paragraph a line. */
    private static void add(List<Block> out, String text, int start, int end) {
        int longest = 0;
        int lineStart = start;
        for (int i = start; i <= end; i++) {
            if (i == end || text.charAt(i) == '\n') {
                longest = Math.max(longest, i - lineStart);
                lineStart = i + 1;
            }
        }
        if (longest <= UNWRAPPED_LINE) {
            // a heading glued to its paragraph: a short first line that ends no sentence, then a much longer one
            int firstEnd = text.indexOf('\n', start);
            if (firstEnd > start && firstEnd < end) {
                String first = text.substring(start, firstEnd).strip();
                int nextEnd = text.indexOf('\n', firstEnd + 1);
                int next = (nextEnd < 0 || nextEnd > end ? end : nextEnd) - firstEnd - 1;
                if (first.length() < 60 && first.split("\\s+").length <= 8 && next > 80 && next > 2 * first.length()
                        && !endsSentence(first)
                        && !first.endsWith(",") && Character.isUpperCase(firstLetter(first))) {
                    addSpan(out, text, start, firstEnd);
                    add(out, text, firstEnd + 1, end);
                    return;
                }
            }
            addSpan(out, text, start, end);
            return;
        }
        lineStart = start;
        for (int i = start; i <= end; i++) {
            if (i == end || text.charAt(i) == '\n') {
                addSpan(out, text, lineStart, i);
                lineStart = i + 1;
            }
        }
    }

    private static char firstLetter(String s) {
        for (char c : s.toCharArray()) {
            if (Character.isLetter(c)) {
                return c;
            }
        }
        return 'a';
    }

    private static void addSpan(List<Block> out, String text, int start, int end) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            out.add(Block.span(text, start, end, Block.Kind.PARAGRAPH));
        }
    }
}
