package org.demarche.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Reads Markdown with commonmark-java, keeping the words and dropping the markup
 * (heading marks, emphasis, link targets). Source spans tie every kept word to its offset
 * in the original, so offsets stay mappable.
 *
 * <p>As a {@link FormatReader}: files Tika names Markdown, and text files that carry its markup.
 */
public final class MarkdownReader implements FormatReader {

    private static final Set<String> MARKDOWN = Set.of("text/x-web-markdown", "text/markdown", "text/x-markdown");

    private static final Parser PARSER = Parser.builder()
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();

    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6} \\S");
    private static final Pattern STRONG = Pattern.compile("\\*\\*[^*\\n]+\\*\\*|__[^_\\n]+__");
    private static final Pattern LINK = Pattern.compile("\\[[^\\]\\n]+\\]\\((https?://|/|#)[^)\\s]*\\)");
    private static final Pattern FENCE = Pattern.compile("(?m)^```");

    @Override
    public boolean reads(Input input) {
        if (!PlainTextReader.isText(input.mediaType())) {
            return false;
        }
        try {
            return MARKDOWN.contains(input.mediaType()) || looksLikeMarkdown(input.text().text());
        } catch (IngestException e) {
            return false; // not text at all: the plain-text reader says why
        }
    }

    @Override
    public void read(Input input, Sink sink) throws IngestException {
        sink.text(PlainTextReader.text(input, blocks(input.text().text()), "text/markdown"));
    }

    /** True when a text file carries Markdown markup: at least two kinds of it. */
    public static boolean looksLikeMarkdown(String text) {
        int kinds = 0;
        for (Pattern p : new Pattern[] {HEADING, STRONG, LINK, FENCE}) {
            if (p.matcher(text).find()) {
                kinds++;
            }
        }
        return kinds >= 2;
    }

    public static List<Block> blocks(String text) {
        int[] lineStarts = lineStarts(text);
        List<Block> out = new ArrayList<>();
        PARSER.parse(text).accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                out.add(inline(heading, Block.Kind.HEADING, text, lineStarts));
            }

            @Override
            public void visit(Paragraph paragraph) {
                Block.Kind kind = paragraph.getParent() instanceof ListItem ? Block.Kind.LIST_ITEM : Block.Kind.PARAGRAPH;
                out.add(inline(paragraph, kind, text, lineStarts));
            }

            @Override
            public void visit(FencedCodeBlock code) {
                out.add(verbatim(code, code.getLiteral()));
            }

            @Override
            public void visit(IndentedCodeBlock code) {
                out.add(verbatim(code, code.getLiteral()));
            }

            private Block verbatim(Node node, String literal) {
                return new Block(List.of(new Block.Piece(-1, literal.strip())), Block.Kind.PREFORMATTED, 0, false);
            }
        });
        out.removeIf(b -> b.text().isBlank());
        return out;
    }

    /** Collects a leaf block's inline text, each piece at its offset in the source. */
    private static Block inline(Node leaf, Block.Kind kind, String text, int[] lineStarts) {
        List<Block.Piece> pieces = new ArrayList<>();
        int[] linkChars = {0};
        leaf.accept(new AbstractVisitor() {
            private int inLink;

            @Override
            public void visit(Text t) {
                add(t, t.getLiteral());
            }

            @Override
            public void visit(Code c) {
                add(c, c.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak br) {
                pieces.add(new Block.Piece(-1, "\n"));
            }

            @Override
            public void visit(HardLineBreak br) {
                pieces.add(new Block.Piece(-1, "\n"));
            }

            @Override
            public void visit(Link link) {
                inLink++;
                visitChildren(link);
                inLink--;
            }

            private void add(Node node, String literal) {
                int start = -1;
                List<SourceSpan> spans = node.getSourceSpans();
                if (spans.size() == 1) {
                    SourceSpan s = spans.get(0);
                    int abs = lineStarts[s.getLineIndex()] + s.getColumnIndex();
                    // Escapes and entities make the literal differ from the source: then it is an inserted piece.
                    if (s.getLength() == literal.length() && text.startsWith(literal, abs)) {
                        start = abs;
                    }
                }
                pieces.add(new Block.Piece(start, literal));
                if (inLink > 0) {
                    linkChars[0] += literal.length();
                }
            }
        });
        return new Block(pieces, kind, linkChars[0], false);
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }
}
