package dev.mentorbot.discord;

import java.util.ArrayList;
import java.util.List;

/** Discord's size limits, and trimming and splitting that keep to them without ever failing. */
final class Limits {
    static final int CONTENT = 2000;
    static final int EMBED_TITLE = 256;
    static final int EMBED_DESCRIPTION = 4096;
    static final int EMBED_FOOTER = 2048;
    static final int EMBEDS_TOTAL = 6000;
    static final int BUTTON_LABEL = 80;
    static final int BUTTONS_PER_ROW = 5;
    static final int ROWS = 5;
    static final int THREAD_NAME = 100;
    private static final String ELLIPSIS = "…";

    private Limits() {
    }

    /** {@code s} cut to at most {@code max} characters, at a line or word break when one is near, with an ellipsis. */
    static String trim(String s, int max) {
        if (s == null) {
            return "";
        }
        if (s.length() <= max) {
            return s;
        }
        if (max <= ELLIPSIS.length()) {
            return ELLIPSIS.substring(0, Math.max(0, max));
        }
        int room = max - ELLIPSIS.length();
        int cut = breakBefore(s, room);
        return s.substring(0, cut).stripTrailing() + ELLIPSIS;
    }

    /** {@code s} in pieces of at most {@code max} characters, split at line breaks where possible. */
    static List<String> split(String s, int max) {
        List<String> parts = new ArrayList<>();
        String rest = s;
        while (rest.length() > max) {
            int cut = breakBefore(rest, max);
            parts.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
        }
        if (!rest.isEmpty() || parts.isEmpty()) {
            parts.add(rest);
        }
        return parts;
    }

    /** Where to cut {@code s} to keep at most {@code room} characters: a newline, else a space, else hard (never inside a surrogate pair). */
    private static int breakBefore(String s, int room) {
        int newline = s.lastIndexOf('\n', room);
        if (newline > room / 2) {
            return newline;
        }
        int space = s.lastIndexOf(' ', room);
        if (space > room / 2) {
            return space;
        }
        int cut = room;
        if (cut > 0 && Character.isHighSurrogate(s.charAt(cut - 1))) {
            cut--;
        }
        return Math.max(cut, 1);
    }
}
