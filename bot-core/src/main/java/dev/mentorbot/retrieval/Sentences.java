package dev.mentorbot.retrieval;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** Splits passage text into sentences, for trimming answers and for sentence-level vectors. */
final class Sentences {
    private static final Pattern END = Pattern.compile("(?<=[.!?])\\s+(?=[\\p{Lu}\\d\"“(])");

    private Sentences() {
    }

    static List<String> split(String text) {
        return Arrays.stream(END.split(text.strip())).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
