package dev.mentorbot.state;

import java.time.Instant;

/**
 * How often one question (by hash) was asked.
 *
 * @param hash      the question hash that groups the entries
 * @param text      one stored wording of the question, or {@code null} if only hashes were logged
 * @param asked     how many times it was asked
 * @param answered  how many of those times the bot had an answer
 * @param lastAsked when it was last asked
 */
public record QuestionStats(String hash, String text, long asked, long answered, Instant lastAsked) {
}
