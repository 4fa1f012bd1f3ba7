package org.demarche.network;

import java.util.Locale;

/**
 * What network to draw, as {@code demarche network} asks for it.
 *
 * @param issue         one issue's id, or null for all issues
 * @param from          ISO date (inclusive) or null
 * @param to            ISO date (inclusive) or null
 * @param window        {@code all}, a period ({@code 1y}) or a sliding window ({@code 4y/1y}); see {@link TimeWindow}
 * @param minConfidence stances below it are left out (the stance stage's calibrated confidence)
 */
public record NetworkOptions(Type type, Normalization normalization, Level level, String issue, String from,
                             String to, String window, double minConfidence) {

    /** Which relation the edges stand for (DNA's network types). */
    public enum Type {
        /** two-mode: actor to issue, with the polarity */
        AFFILIATION,
        /** one-mode: actors on the same side of the same issue */
        CONGRUENCE,
        /** one-mode: actors on opposite sides of the same issue */
        CONFLICT,
        /** one-mode: congruence minus conflict, signed */
        SUBTRACT;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How one-mode weights are scaled by how active the two actors are (DNA's normalisations). */
    public enum Normalization {
        NONE, AVERAGE, JACCARD, COSINE;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Persons as themselves, or folded into the state or organisation they speak for. */
    public enum Level {
        ACTOR, STATE;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The options as a person gives them, by name (the command line's {@code --type}, the API's {@code type}: the
     * names start with {@code prefix}); a null name takes its default; a wrong value is refused naming the option.
     */
    public static NetworkOptions of(String prefix, String type, String normalize, String level, String issue,
                                    String from, String to, String window, double minConfidence) {
        return new NetworkOptions(parse(Type.class, prefix + "type", type == null ? "congruence" : type),
                parse(Normalization.class, prefix + "normalize", normalize == null ? "none" : normalize),
                parse(Level.class, prefix + "level", level == null ? "actor" : level), issue, from, to, window,
                minConfidence);
    }

    public NetworkOptions {
        type = type == null ? Type.CONGRUENCE : type;
        normalization = normalization == null ? Normalization.NONE : normalization;
        level = level == null ? Level.ACTOR : level;
        window = window == null || window.isBlank() ? "all" : window.trim();
        TimeWindow.check(window);
        if (from != null && TimeWindow.firstDay(from) == null) {
            throw new IllegalArgumentException("from '" + from + "' is not an ISO date (2008, 2008-02 or 2008-02-17)");
        }
        if (to != null && TimeWindow.firstDay(to) == null) {
            throw new IllegalArgumentException("to '" + to + "' is not an ISO date (2008, 2008-02 or 2008-02-17)");
        }
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw new IllegalArgumentException("min confidence " + minConfidence + " is not between 0 and 1");
        }
    }

    /** An enum value from its lower-case name, or a one-line refusal naming the option and the choices. */
    public static <E extends Enum<E>> E parse(Class<E> type, String option, String value) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            StringBuilder choices = new StringBuilder();
            for (E c : type.getEnumConstants()) {
                choices.append(choices.isEmpty() ? "" : "|").append(c.name().toLowerCase(Locale.ROOT));
            }
            throw new IllegalArgumentException(option + " '" + value + "': choose " + choices);
        }
    }
}
