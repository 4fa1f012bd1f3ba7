package org.demarche.ingest;

import java.util.Locale;
import java.util.Set;
import org.apache.tika.parser.html.HtmlMapper;

/**
 * Tells Tika's HTML parser to keep the page's structure (nav, header, footer, aside, and the
 * class and id attributes that name widgets) so the cleaner can see chrome for what it is.
 * Active content (script, style, embedded objects) is dropped with everything inside it:
 * ingested HTML is data and never runs.
 */
final class StructureHtmlMapper implements HtmlMapper {

    static final StructureHtmlMapper INSTANCE = new StructureHtmlMapper();

    private static final Set<String> DISCARD = Set.of("script", "style", "noscript", "template", "iframe", "object",
            "embed", "applet", "svg", "math", "canvas", "frameset", "frame");
    private static final Set<String> ATTRIBUTES = Set.of("class", "id", "role", "href", "name", "content");

    @Override
    public String mapSafeElement(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return DISCARD.contains(n) ? null : n;
    }

    @Override
    public boolean isDiscardElement(String name) {
        return DISCARD.contains(name.toLowerCase(Locale.ROOT));
    }

    @Override
    public String mapSafeAttribute(String elementName, String attributeName) {
        String a = attributeName.toLowerCase(Locale.ROOT);
        return ATTRIBUTES.contains(a) ? a : null;
    }
}
