package dev.mentorbot.state;

/**
 * How members rated the answers that came from one source.
 *
 * @param sourceId   the content source
 * @param helpful    votes "helpful"
 * @param notHelpful votes "not helpful"
 */
public record FeedbackCounts(String sourceId, long helpful, long notHelpful) {
    /** Returns all votes. */
    public long total() {
        return helpful + notHelpful;
    }
}
