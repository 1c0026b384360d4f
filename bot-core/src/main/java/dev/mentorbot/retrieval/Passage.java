package dev.mentorbot.retrieval;

import java.util.List;

/**
 * One unit the bot can answer with: an article section or a FAQ entry, flattened for indexing.
 *
 * @param ordinal     position in the index's passage list
 * @param id          stable id ({@code article#section} or the FAQ id)
 * @param kind        where it came from
 * @param title       article title, or the FAQ's canonical question
 * @param section     section heading, or the FAQ's canonical question
 * @param text        the passage shown to members
 * @param questions   questions this passage answers (FAQ question and phrasings, or a section's
 *                    {@code Questions:} line)
 * @param tags        topic tags
 * @param sourceId    id of the named source
 * @param sourceTitle title of the named source
 */
public record Passage(int ordinal, String id, Kind kind, String title, String section, String text,
                      List<String> questions, List<String> tags, String sourceId, String sourceTitle) {
    /** Where a passage came from. */
    public enum Kind {
        SECTION, FAQ
    }

    public Passage {
        questions = List.copyOf(questions);
        tags = List.copyOf(tags);
    }
}
