package dev.mentorbot.content;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits text into sentences: for cutting long paragraphs into passages, trimming answers and
 * embedding sentence by sentence. A sentence ends at . ! or ? followed by a capital, a digit,
 * a quote or a parenthesis, so "e.g. this" and "$105,000" do not split.
 */
public final class Sentences {
    private static final Pattern END = Pattern.compile("(?<=[.!?])\\s+(?=[\\p{Lu}\\d\"“(])");

    private Sentences() {
    }

    /** The sentences of a text, stripped, in order. */
    public static List<String> split(String text) {
        return Arrays.stream(END.split(text.strip())).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
