package dev.mentorbot.state;

import java.time.Instant;

/**
 * One question a member asked and how the bot fared. It holds no member id on purpose: the log
 * tells admins what is asked, not who asked it.
 *
 * @param text        the question as asked, or {@code null} when question logging is hashed or off
 * @param hash        a stable hash of the (normalised) question, always present
 * @param answered    whether the bot found an answer good enough to give
 * @param topSourceId the id of the best-matching source, or {@code null} if nothing matched
 * @param score       the retrieval score of the best match (0 if nothing matched); must be finite
 * @param platform    where it was asked: {@code discord}, {@code slack}, {@code console}
 * @param askedAt     when it was asked
 */
public record LoggedQuestion(String text, String hash, boolean answered, String topSourceId, double score,
                             String platform, Instant askedAt) {
    /** Longer question text is cut to this many characters rather than refused; NUL characters are dropped. */
    public static final int MAX_TEXT_LENGTH = 2000;

    /** Validates ids and the score; cleans the text and cuts it if over-long. */
    public LoggedQuestion {
        text = QuestionText.clean(text, MAX_TEXT_LENGTH);
        Checks.text("hash", hash, Checks.HASH_MAX);
        Checks.optionalText("topSourceId", topSourceId, Checks.SOURCE_MAX);
        if (!Double.isFinite(score)) {
            // SQLite would store NaN as NULL and PostgreSQL keeps it: refuse rather than differ.
            throw new IllegalArgumentException("score must be finite, got " + score);
        }
        Checks.text("platform", platform, Checks.PLATFORM_MAX);
        Checks.notNull("askedAt", askedAt);
    }
}
