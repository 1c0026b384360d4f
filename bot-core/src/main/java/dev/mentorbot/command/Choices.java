package dev.mentorbot.command;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Resolves what a member typed for a track or topic ("software", "Math", "from zero") to one
 * content id, forgivingly: exact id, then an id or title containing every word typed.
 */
public final class Choices {
    private Choices() {
    }

    /**
     * Finds the one choice a member meant.
     *
     * @return the choice, or empty when nothing or more than one choice matches
     */
    public static <T> Optional<T> resolve(String typed, List<T> choices, Function<T, String> id,
                                          Function<T, String> title) {
        String wanted = normal(typed);
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        for (T c : choices) {
            if (normal(id.apply(c)).equals(wanted)) {
                return Optional.of(c);
            }
        }
        List<String> words = List.of(wanted.split(" "));
        List<T> matches = choices.stream()
                .filter(c -> {
                    String hay = normal(id.apply(c)) + " " + normal(title.apply(c));
                    return words.stream().allMatch(hay::contains);
                })
                .toList();
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }

    private static String normal(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
