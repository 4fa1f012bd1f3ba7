package org.demarche.ingest;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.demarche.model.DocumentMetadata;

/**
 * Reads what the top of a text says about it: a title line, a byline ("By …", or a bare
 * name under the title) and a dateline ("23 July 2007" on a line of its own). The manifest
 * and the file's own metadata win over all of this; it fills only what they leave empty.
 */
public final class MetadataInferrer {

    private static final int TOP_BLOCKS = 4;
    private static final Pattern BYLINE = Pattern.compile("^By:?\\s+(\\S.{2,150})$");
    private static final Pattern HONORIFIC = Pattern.compile(
            "^(?:(?:H\\.\\s?E\\.|Dr\\.?|Mr\\.?|Mrs\\.?|Ms\\.?|Prof\\.?|Sir|Ambassador)\\s+)+");
    private static final Pattern NAME = Pattern.compile(
            "^\\p{Lu}[\\p{L}'’.-]+(?:\\s+(?:\\p{Lu}[\\p{L}'’.-]*|van|von|de|da|del|der|bin|al|el)){1,3}$");
    private static final Pattern DATE_PREFIX = Pattern.compile(
            "^(?:(?:Published|Posted|Updated|Date)(?: on)?:?\\s+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\\s+)?",
            Pattern.CASE_INSENSITIVE);
    private static final List<DateTimeFormatter> DAY_FORMATS = List.of(
            formatter("d MMMM uuuu"), formatter("MMMM d, uuuu"), formatter("MMMM d uuuu"), formatter("d MMM uuuu"),
            formatter("MMM d, uuuu"), formatter("MMM. d, uuuu"), formatter("uuuu-MM-dd"), formatter("d.M.uuuu"));
    private static final DateTimeFormatter MONTH_FORMAT = formatter("MMMM uuuu");

    private MetadataInferrer() {}

    public static DocumentMetadata infer(List<Block> keptBlocks) {
        String title = null;
        String author = null;
        String published = null;
        int top = Math.min(TOP_BLOCKS, keptBlocks.size());
        boolean afterTitle = false;
        for (int i = 0; i < top; i++) {
            Block b = keptBlocks.get(i);
            for (String raw : b.text().split("\n")) {
                String line = raw.strip();
                if (line.isEmpty()) {
                    continue;
                }
                String date = published == null ? dateline(line) : null;
                if (date != null) {
                    published = date;
                    continue;
                }
                Matcher by = BYLINE.matcher(line);
                if (author == null && by.matches()) {
                    author = person(by.group(1));
                    continue;
                }
                if (title == null && i == 0 && looksLikeTitle(b, line)) {
                    title = line;
                    afterTitle = true;
                    continue;
                }
                if (author == null && afterTitle && NAME.matcher(line).matches() && line.length() < 60) {
                    author = line;
                    continue;
                }
                afterTitle = false;
            }
        }
        return new DocumentMetadata(null, title, published, null, author, null, null, null, null, null);
    }

    private static boolean looksLikeTitle(Block b, String line) {
        if (b.kind() == Block.Kind.HEADING) {
            return true;
        }
        int words = line.split("\\s+").length;
        return b.text().indexOf('\n') < 0 && words >= 2 && words <= 20 && line.length() <= 200
                && !PlainTextReader.endsSentence(line.replaceAll("\\?$", ""));
    }

    /** "the Russian Ambassador to Serbia, H.E. Alexander Botsan-Kharchenko" gives the name after the last comma. */
    private static String person(String byline) {
        String s = byline.strip();
        int comma = s.lastIndexOf(',');
        if (comma > 0 && comma < s.length() - 3) {
            s = s.substring(comma + 1).strip();
        }
        String name = HONORIFIC.matcher(s).replaceFirst("").strip();
        return NAME.matcher(name).matches() ? name : byline.strip();
    }

    /** The ISO date of a line that is nothing but a date, else null. */
    static String dateline(String line) {
        String s = DATE_PREFIX.matcher(line.strip()).replaceFirst("").replaceAll("(\\d)(st|nd|rd|th)\\b", "$1").strip();
        if (s.length() > 40 || s.length() < 6) {
            return null;
        }
        for (DateTimeFormatter f : DAY_FORMATS) {
            try {
                return LocalDate.parse(s, f).toString();
            } catch (DateTimeParseException ignored) {
                // try the next form
            }
        }
        try {
            return YearMonth.parse(s, MONTH_FORMAT).toString();
        } catch (DateTimeParseException ignored) {
            return null;
        }
    }

    private static DateTimeFormatter formatter(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern).toFormatter(Locale.ENGLISH);
    }
}
