package org.demarche.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A record's id as everything outside the store names it: a letter for its type and the database's
 * number ("d12", "a3", "s5", "t3", "e2"), stable for as long as the record is. The one place ids are
 * written and read.
 */
public record RecordId(Type type, long number) implements Comparable<RecordId> {

    /** The types of record, by their letter. */
    public enum Type {
        DOCUMENT('d'), ACTOR('a'), STATEMENT('s'), STANCE('t'), EVENT('e'),
        /** A document's own actor before the merge (the stance stage works on these); never exported. */
        LOCAL_ACTOR('l');

        private final char letter;

        Type(char letter) {
            this.letter = letter;
        }

        public char letter() {
            return letter;
        }

        /** The id of this type with this number. */
        public RecordId of(long number) {
            return new RecordId(this, number);
        }

        /** The id of this type with this number, or null for none. */
        public RecordId orNull(Long number) {
            return number == null ? null : new RecordId(this, number);
        }
    }

    public static RecordId document(long n) {
        return new RecordId(Type.DOCUMENT, n);
    }

    public static RecordId actor(long n) {
        return new RecordId(Type.ACTOR, n);
    }

    public static RecordId statement(long n) {
        return new RecordId(Type.STATEMENT, n);
    }

    public static RecordId stance(long n) {
        return new RecordId(Type.STANCE, n);
    }

    public static RecordId event(long n) {
        return new RecordId(Type.EVENT, n);
    }

    /** Reads "a3" and the like; an IllegalArgumentException for anything else. */
    @JsonCreator
    public static RecordId parse(String id) {
        if (id != null && id.length() >= 2 && id.length() <= 19 && id.substring(1).chars().allMatch(Character::isDigit)) {
            for (Type t : Type.values()) {
                if (t.letter == id.charAt(0)) {
                    return new RecordId(t, Long.parseLong(id.substring(1)));
                }
            }
        }
        throw new IllegalArgumentException("not a record id (a letter of d, a, s, t, e and digits): '" + id + "'");
    }

    /** True when the text is an id of this type ("a3" for actors). */
    public static boolean is(Type type, String id) {
        try {
            return parse(id).type == type;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @JsonValue
    @Override
    public String toString() {
        return type.letter + Long.toString(number);
    }

    @Override
    public int compareTo(RecordId o) {
        int c = type.compareTo(o.type);
        return c != 0 ? c : Long.compare(number, o.number);
    }
}
