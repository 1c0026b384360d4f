package dev.mentorbot.retrieval;

/**
 * The citation shown with an answer.
 *
 * @param title     article title, or "FAQ" for a FAQ entry
 * @param section   section heading, or the FAQ's question
 * @param source    title of the named source the facts come from
 * @param passageId id of the passage, for feedback and logs
 * @param score     fused retrieval score in [0, 1]
 */
public record SourceRef(String title, String section, String source, String passageId, double score) {
}
