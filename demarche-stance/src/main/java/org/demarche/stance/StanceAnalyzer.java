package org.demarche.stance;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.KeywordRepeatFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Turns text into sentences of stemmed tokens with offsets, so that codebook terms and cue
 * phrases match across case, inflection ("recognized", "recognizes"), possessives
 * ("Kosovo's"), hyphenation ("Kosovo-wide") and words broken over a line end ("indepen-\ndence").
 * Lucene's analysis chain does the work: a char filter rejoins broken words (keeping offsets
 * true), the standard tokenizer splits, then possessive, lower-case and Porter stem filters.
 * Sentences come from the JDK's BreakIterator.
 */
public final class StanceAnalyzer {

    /** One word: its stem (for matching), its lower-case form (for function words) and its offsets. */
    public record Token(String stem, String lower, int start, int end) {}

    /** A sentence: its tokens, its span, and whether it ends with a question mark. */
    public record Sentence(int start, int end, List<Token> tokens, boolean question) {}

    private static final Pattern BROKEN_WORD = Pattern.compile("(\\p{Ll})-[ \\t]*\\r?\\n[ \\t]*(\\p{Ll})");

    private final Analyzer analyzer = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            TokenStream ts = new EnglishPossessiveFilter(source);
            ts = new LowerCaseFilter(ts);
            ts = new KeywordRepeatFilter(ts); // each word twice: as written (keyword) and stemmed
            ts = new PorterStemFilter(ts);
            return new TokenStreamComponents(source, ts);
        }

        @Override
        protected Reader initReader(String field, Reader reader) {
            return new PatternReplaceCharFilter(BROKEN_WORD, "$1$2", reader);
        }
    };

    /** The tokens of text[from, to), with offsets into text. */
    public List<Token> tokens(String text, int from, int to) {
        List<Token> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("t", new StringReader(text.substring(from, to)))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            KeywordAttribute keyword = ts.addAttribute(KeywordAttribute.class);
            ts.reset();
            String lower = null;
            while (ts.incrementToken()) {
                if (keyword.isKeyword()) {
                    lower = term.toString();
                    continue;
                }
                String stem = term.toString();
                out.add(new Token(stem, lower != null ? lower : stem, from + offset.startOffset(), from + offset.endOffset()));
                lower = null;
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        }
        return out;
    }

    /** The stems of a phrase (a codebook term or a cue), as the text's tokens would carry them. */
    public List<String> stems(String phrase) {
        List<String> out = new ArrayList<>();
        for (Token t : tokens(phrase, 0, phrase.length())) {
            out.add(t.stem());
        }
        return out;
    }

    /** The sentences of text[from, to), tokenised. */
    public List<Sentence> sentences(String text, int from, int to) {
        List<Sentence> out = new ArrayList<>();
        BreakIterator it = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        it.setText(text.substring(from, to));
        int start = it.first();
        for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            int s = from + start;
            int e = from + end;
            List<Token> tokens = tokens(text, s, e);
            if (!tokens.isEmpty()) {
                String span = text.substring(s, e).stripTrailing();
                boolean question = span.endsWith("?") || span.endsWith("?\"") || span.endsWith("?”");
                out.add(new Sentence(s, e, tokens, question));
            }
        }
        return out;
    }

    /**
     * Same word give or take an inflection: "partitioned" for "partition", "bombing" for
     * "bombings". Guards against the Porter stemmer's joins of unrelated words ("position" and
     * "positive" are both "posit").
     */
    public static boolean inflectionOf(String token, String word) {
        String longer = token.length() >= word.length() ? token : word;
        String shorter = longer == token ? word : token;
        int common = 0;
        while (common < shorter.length() && shorter.charAt(common) == longer.charAt(common)) {
            common++;
        }
        return common >= shorter.length() - 1 && longer.length() - common <= 3;
    }

}
