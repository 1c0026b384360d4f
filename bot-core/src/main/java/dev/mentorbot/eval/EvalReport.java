package dev.mentorbot.eval;

import dev.mentorbot.retrieval.Answer;
import java.util.List;

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
