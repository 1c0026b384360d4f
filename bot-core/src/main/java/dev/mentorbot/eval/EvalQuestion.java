package dev.mentorbot.eval;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One question of a set. In-domain items expect an answer in which, for every group, at least
 * one pattern matches (case-insensitive); out-of-domain items expect the bot to decline.
 *
 * @param id       item id
 * @param question the question
 * @param expect   groups of alternative patterns; empty for out-of-domain items
 * @param answered whether the bot should answer
 * @param category what kind of question it is, for reports by category ("in-domain" or
 *                 "off-topic" when the set does not say)
 * @param after    questions asked first in the same conversation, oldest first (a follow-up item)
 */
public record EvalQuestion(String id, String question, List<List<Pattern>> expect, boolean answered, String category,
                           List<String> after) {
    public EvalQuestion {
        expect = expect.stream().map(List::copyOf).toList();
        category = category == null || category.isBlank() ? (answered ? "in-domain" : "off-topic") : category;
        after = after == null ? List.of() : List.copyOf(after);
    }

    /** An item without a category. */
    public EvalQuestion(String id, String question, List<List<Pattern>> expect, boolean answered) {
        this(id, question, expect, answered, null, List.of());
    }

    /** Whether an answer passes this item. */
    public boolean passes(boolean botAnswered, String text) {
        if (!answered) {
            return !botAnswered;
        }
        return botAnswered && expect.stream().allMatch(g -> g.stream().anyMatch(p -> p.matcher(text).find()));
    }
}
