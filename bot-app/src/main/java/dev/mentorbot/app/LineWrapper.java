package dev.mentorbot.app;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Wraps reply text to a terminal's width at spaces, so a long answer does not break words at the
 * screen's edge. A wrapped list item ({@code - }, {@code * }, {@code 1. }) continues under its
 * text, not under its bullet. A word longer than the width (a URL) stays whole: the terminal
 * wraps it, and it still copies as one.
 */
final class LineWrapper {
    /** Leading spaces, then any bullets or numbers ("- 1. "), each with its space. */
    private static final Pattern INDENT = Pattern.compile("^(\\s*)((?:[-*]|\\d+[.)]|\\[[ x]])\\s+)*");

    private LineWrapper() {
    }

    /** The text wrapped to {@code width} columns; {@code width < 20} (unknown, or a tiny window) leaves it as it is. */
    static String wrap(String text, int width) {
        if (width < 20) {
            return text;
        }
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            wrapLine(line, width, out);
        }
        return String.join("\n", out);
    }

    private static void wrapLine(String line, int width, List<String> out) {
        if (line.length() <= width) {
            out.add(line);
            return;
        }
        Matcher m = INDENT.matcher(line);
        m.find();
        String hanging = " ".repeat(Math.min(m.end(), width / 2));
        String rest = line;
        String prefix = "";
        while ((prefix + rest).length() > width) {
            String candidate = prefix + rest;
            int cut = candidate.lastIndexOf(' ', width);
            if (cut <= prefix.length() + (prefix.isEmpty() ? m.end() : 0)) {
                // No space to break at within the width: keep the long word whole.
                cut = candidate.indexOf(' ', width);
                if (cut < 0) {
                    break;
                }
            }
            out.add(candidate.substring(0, cut).stripTrailing());
            rest = candidate.substring(cut + 1).stripLeading();
            prefix = hanging;
        }
        out.add(prefix + rest);
    }
}
