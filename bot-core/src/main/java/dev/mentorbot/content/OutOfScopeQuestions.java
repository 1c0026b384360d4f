package dev.mentorbot.content;

import java.util.List;

/**
 * Reads a list of questions the bot must decline: one question a line; blank lines and lines
 * starting with {@code #} (comments, {@code # category: NAME} headings) are skipped. The same
 * format serves the bundled bank and an admin's {@code out-of-scope.txt}.
 */
public final class OutOfScopeQuestions {
    private OutOfScopeQuestions() {
    }

    /** The questions of a file's text, in order. */
    public static List<String> parse(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }
}
