package dev.mentorbot.state;

/**
 * Question text as stored: optional, cleaned and cut rather than refused, so that logging never
 * fails a reply and SQLite and PostgreSQL end up holding the same text.
 */
final class QuestionText {
    private static final char REPLACEMENT = '\uFFFD';

    private QuestionText() {
    }

    /**
     * Drops NUL characters (PostgreSQL text cannot hold them, SQLite can), replaces unpaired
     * surrogates (not encodable as UTF-8) and cuts the text to {@code max} characters without
     * splitting a surrogate pair.
     */
    static String clean(String text, int max) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), max));
        for (int i = 0; i < text.length() && out.length() < max; i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (out.length() + 2 > max) {
                    break;
                }
                out.append(c).append(text.charAt(++i));
            } else {
                out.append(Character.isSurrogate(c) ? REPLACEMENT : c);
            }
        }
        return out.toString();
    }
}
