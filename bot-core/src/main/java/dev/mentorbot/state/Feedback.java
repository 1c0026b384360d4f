package dev.mentorbot.state;

import java.time.Instant;

/**
 * A member's vote on one answer: the answer is identified by the question (its hash) and the
 * source it came from.
 *
 * @param member       who voted; the platform of the vote is the member's platform
 * @param questionText the question as asked, or {@code null} when question logging is hashed or off
 * @param questionHash a stable hash of the (normalised) question, always present
 * @param sourceId     the id of the content source the answer came from
 * @param section      the section of the source, or {@code null} if the answer used the whole source
 * @param helpful      {@code true} for helpful, {@code false} for not helpful
 * @param at           when the member voted
 */
public record Feedback(MemberId member, String questionText, String questionHash, String sourceId,
                       String section, boolean helpful, Instant at) {
    /** Longer question text is cut to this many characters rather than refused; NUL characters are dropped. */
    public static final int MAX_QUESTION_LENGTH = 2000;

    /** Validates ids; cleans the question text and cuts it if over-long. */
    public Feedback {
        Checks.notNull("member", member);
        questionText = QuestionText.clean(questionText, MAX_QUESTION_LENGTH);
        Checks.text("questionHash", questionHash, Checks.HASH_MAX);
        Checks.text("sourceId", sourceId, Checks.SOURCE_MAX);
        Checks.optionalText("section", section, Checks.SOURCE_MAX);
        Checks.notNull("at", at);
    }
}
