package dev.mentorbot.state;

import java.time.Instant;

/**
 * An answer that members marked as not helpful.
 *
 * @param questionHash the question the answer was for
 * @param questionText one stored wording of the question, or {@code null} if only hashes were logged
 * @param sourceId     the source the answer came from
 * @param section      the section of the source, or {@code null}
 * @param votes        how many members marked it not helpful
 * @param lastVotedAt  when the latest such vote was cast
 */
public record NotHelpfulAnswer(String questionHash, String questionText, String sourceId, String section,
                               long votes, Instant lastVotedAt) {
}
