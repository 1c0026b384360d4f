package dev.mentorbot.state;

/**
 * How one source performs: how often it was the best match for a question, and how members rated it.
 *
 * @param sourceId   the content source
 * @param served     how many logged questions had it as their top source
 * @param helpful    votes "helpful" on answers from it
 * @param notHelpful votes "not helpful" on answers from it
 */
public record SourceHelpfulness(String sourceId, long served, long helpful, long notHelpful) {
}
