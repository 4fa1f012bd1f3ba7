package org.demarche.nlp.steps;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.demarche.model.StatementKind;
import org.demarche.nlp.QuoteFinder;
import org.demarche.nlp.Steps;

/** A speech, op-ed or statement: its unquoted text, paragraph by paragraph, is the manifest speaker's. */
public final class SpeakerText implements DocumentStep {

    @Override
    public String name() {
        return "speaker-text";
    }

    @Override
    public Set<Key> requires() {
        return Set.of(Key.SPEAKER, Key.QUOTES);
    }

    @Override
    public Set<Key> adds() {
        return Set.of(Key.REPORTED);
    }

    /** A speech, op-ed or statement: its unquoted text, paragraph by paragraph, is the manifest speaker's. */
    @Override
    public void apply(ExtractionContext c) {
        int speaker = c.manifestSpeakerActor;
        if (speaker < 0) {
            return;
        }
        List<int[]> others = new ArrayList<>();
        for (Map.Entry<QuoteFinder.Quote, Integer> e : c.quoteSpeaker.entrySet()) {
            if (e.getValue() != speaker) {
                others.add(new int[] {e.getKey().start(), e.getKey().end()});
            }
        }
        int pos = 0;
        int firstBody = firstBodyParagraph(c);
        while (pos < c.text.length()) {
            int end = c.text.indexOf("\n\n", pos);
            end = end < 0 ? c.text.length() : end;
            if (pos >= firstBody) {
                int from = pos;
                int paragraphStart = pos;
                for (int[] o : others.stream().filter(o -> o[0] >= paragraphStart)
                        .sorted((a, b) -> a[0] - b[0]).toList()) {
                    if (o[0] < end && o[0] > from) {
                        addOwn(c, speaker, from, o[0] - 1);
                        from = Math.min(end, o[1] + 1);
                    }
                }
                addOwn(c, speaker, from, end);
            }
            pos = end + 2;
        }
    }

    /** Paragraphs before the first one of prose (title, byline) are not the speaker's statement. */
    private int firstBodyParagraph(ExtractionContext c) {
        int pos = 0;
        while (pos < c.text.length()) {
            int end = c.text.indexOf("\n\n", pos);
            end = end < 0 ? c.text.length() : end;
            String p = c.text.substring(pos, end).strip();
            if (Tokens.wordCount(p) >= 12) {
                return pos;
            }
            pos = end + 2;
        }
        return 0;
    }

    private void addOwn(ExtractionContext c, int speaker, int start, int end) {
        while (start < end && Character.isWhitespace(c.text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(c.text.charAt(end - 1))) {
            end--;
        }
        if (Tokens.wordCount(c.text.substring(start, end)) >= 3) {
            c.statements.add(c.said(speaker, StatementKind.INDIRECT, start, end, c.published, null, Steps.SPEAKER_TEXT));
        }
    }
}
