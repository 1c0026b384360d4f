package dev.mentorbot.ask;

import java.util.Locale;

/** How much of members' questions the bot keeps in its question log. */
public enum QuestionPrivacy {
    /** The question text, so admins can read what the content does not answer. */
    FULL,
    /** Only a hash of the question's topic words: counts and groups, no text. */
    HASHED,
    /** Nothing: questions are not logged at all. */
    OFF;

    /** Parses {@code full}, {@code hashed} or {@code off}. */
    public static QuestionPrivacy parse(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("question logging must be full, hashed or off, not '" + value + "'");
        }
    }
}
