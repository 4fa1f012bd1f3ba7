package org.demarche.ingest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Receives the XHTML that Tika emits for any format (HTML, PDF, DOCX, ODT, RTF) and cuts it
 * into blocks at block-level elements, counting link text and marking blocks inside page
 * chrome. The chrome test follows Readability's idea: structural elements (nav, header,
 * footer, aside, form) and class or id names of widgets (share, comment, sidebar…), unless
 * the name also says it is the content (article, body, main). Hand-written because Tika's
 * boilerpipe handler is tied to an unmaintained library and drops the offsets we keep.
 */
final class BlockCollector extends DefaultHandler {

    /** Thrown when a file expands to more text than the limit allows. */
    static final class TooMuchText extends SAXException {
        TooMuchText(int limit) {
            super("extracted text exceeds " + limit + " characters");
        }
    }

    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd",
            "td", "th", "tr", "pre", "blockquote", "section", "article", "main", "table", "ul", "ol", "dl", "figure",
            "figcaption", "caption", "address", "header", "footer", "nav", "aside", "form", "body", "title", "hr");
    private static final Set<String> CHROME_ELEMENTS = Set.of("nav", "header", "footer", "aside", "form", "menu",
            "button", "select", "dialog");
    private static final Pattern CHROME_NAMES = Pattern.compile(
            "banner|breadcrumb|comment|community|cookie|consent|disqus|footer|gdpr|header|menu|navbar|newsletter|"
                    + "pagination|pager|popup|promo|related|remark|replies|reply|rss|share|sharing|shoutbox|sidebar|"
                    + "skyscraper|social|sponsor|subscribe|toolbar|widget|advert|scroll-?to",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CONTENT_NAMES = Pattern.compile("article|body|content|main|story|entry-content|post-body",
            Pattern.CASE_INSENSITIVE);

    private final int maxChars;
    private final StringBuilder all = new StringBuilder();
    private final List<Block> blocks = new ArrayList<>();
    private final Deque<Boolean> chromeStack = new ArrayDeque<>();
    private final StringBuilder current = new StringBuilder();
    private Block.Kind currentKind = Block.Kind.PARAGRAPH;
    private int currentLinkChars;
    private boolean currentChrome;
    private int chromeDepth;
    private int linkDepth;
    private int headDepth;
    private int preDepth;

    BlockCollector(int maxChars) {
        this.maxChars = maxChars;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
        String name = localName.isEmpty() ? qName : localName;
        name = name.toLowerCase(Locale.ROOT);
        if (name.equals("head")) {
            headDepth++;
        }
        boolean chrome = CHROME_ELEMENTS.contains(name) || namesChrome(atts.getValue("class"))
                || namesChrome(atts.getValue("id")) || "navigation".equals(atts.getValue("role"));
        chromeStack.push(chrome);
        if (chrome) {
            chromeDepth++;
        }
        if (BLOCKS.contains(name)) {
            flush();
            currentKind = kindOf(name);
        } else if (name.equals("br")) {
            append("\n");
        }
        if (name.equals("a")) {
            linkDepth++;
        }
        if (name.equals("pre")) {
            preDepth++;
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        String name = (localName.isEmpty() ? qName : localName).toLowerCase(Locale.ROOT);
        if (BLOCKS.contains(name)) {
            flush();
        }
        if (name.equals("a")) {
            linkDepth = Math.max(0, linkDepth - 1);
        }
        if (name.equals("pre")) {
            preDepth = Math.max(0, preDepth - 1);
        }
        if (name.equals("head")) {
            headDepth = Math.max(0, headDepth - 1);
        }
        if (!chromeStack.isEmpty() && chromeStack.pop()) {
            chromeDepth--;
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        if (headDepth > 0) {
            return; // title and meta tags reach us as metadata
        }
        String s = new String(ch, start, length);
        if (preDepth == 0) {
            s = s.replaceAll("[ \\t\\x0B\\f\\r\\n\\u00A0]+", " ");
            if (current.length() == 0 || current.charAt(current.length() - 1) == ' '
                    || current.charAt(current.length() - 1) == '\n') {
                s = s.stripLeading();
            }
        }
        if (!s.isEmpty()) {
            append(s);
        }
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) {
        // layout whitespace between elements carries no text
    }

    private void append(String s) throws SAXException {
        if (current.length() == 0) {
            currentChrome = chromeDepth > 0;
        }
        current.append(s);
        if (linkDepth > 0) {
            currentLinkChars += s.strip().length();
        }
        if (all.length() + current.length() > maxChars) {
            throw new TooMuchText(maxChars);
        }
    }

    private void flush() {
        String text = current.toString().strip().replaceAll(" *\n *", "\n");
        if (!text.isEmpty()) {
            if (all.length() > 0) {
                all.append("\n\n");
            }
            int start = all.length();
            all.append(text);
            blocks.add(new Block(List.of(new Block.Piece(start, text)), currentKind,
                    Math.min(currentLinkChars, text.length()), currentChrome));
        }
        current.setLength(0);
        currentLinkChars = 0;
        currentKind = Block.Kind.PARAGRAPH;
    }

    private static boolean namesChrome(String value) {
        return value != null && CHROME_NAMES.matcher(value).find() && !CONTENT_NAMES.matcher(value).find();
    }

    private static Block.Kind kindOf(String element) {
        return switch (element) {
            case "h1", "h2", "h3", "h4", "h5", "h6", "title" -> Block.Kind.HEADING;
            case "li", "dt", "dd" -> Block.Kind.LIST_ITEM;
            case "td", "th" -> Block.Kind.TABLE_CELL;
            case "pre" -> Block.Kind.PREFORMATTED;
            default -> Block.Kind.PARAGRAPH;
        };
    }

    @Override
    public void endDocument() {
        flush();
    }

    String text() {
        return all.toString();
    }

    List<Block> blocks() {
        return blocks;
    }
}
