package dev.mentorbot.eval;

import dev.mentorbot.retrieval.Answer;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a question set: every item with the bot's answer, and the score.
 *
 * @param results one per question, in file order
 */
public record EvalReport(List<Result> results) {
    public EvalReport {
        results = List.copyOf(results);
    }

    /** Passed items divided by all items. */
    public double score() {
        return results.isEmpty() ? 0 : (double) passed() / results.size();
    }

    public long passed() {
        return results.stream().filter(Result::passed).count();
    }

    public List<Result> misses() {
        return results.stream().filter(r -> !r.passed()).toList();
    }

    /** Passed and total items per category, in order of first appearance. */
    public Map<String, Tally> byCategory() {
        Map<String, Tally> out = new LinkedHashMap<>();
        for (Result r : results) {
            out.merge(r.question().category(), new Tally(r.passed() ? 1 : 0, 1), Tally::plus);
        }
        return out;
    }

    /**
     * How often each passage is the top answer, most often first: a passage that answers many
     * different questions (a "hub") usually answers most of them badly.
     */
    public Map<String, Tally> topAnswers() {
        Map<String, Tally> counts = new HashMap<>();
        for (Result r : results) {
            if (r.answer().answered() && !r.answer().sources().isEmpty()) {
                counts.merge(r.answer().sources().get(0).passageId(), new Tally(r.passed() ? 1 : 0, 1), Tally::plus);
            }
        }
        Map<String, Tally> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Tally>comparingByValue(Comparator.comparingLong(Tally::total).reversed())
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /**
     * Passed items out of a total.
     *
     * @param passed items that passed
     * @param total  all items
     */
    public record Tally(long passed, long total) {
        Tally plus(Tally other) {
            return new Tally(passed + other.passed, total + other.total);
        }

        /** Passed divided by total. */
        public double share() {
            return total == 0 ? 0 : (double) passed / total;
        }
    }

    /**
     * One item's outcome.
     *
     * @param question the item
     * @param answer   what the bot replied
     * @param passed   whether it passed
     */
    public record Result(EvalQuestion question, Answer answer, boolean passed) {
    }
}
