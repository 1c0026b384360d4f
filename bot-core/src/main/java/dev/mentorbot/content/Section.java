package dev.mentorbot.content;

/**
 * One retrievable passage of an article: a {@code ##} section of a curated article, or a
 * paragraph of an ingested document.
 *
 * @param id       id unique within the knowledge base ({@code articleId#slug})
 * @param heading  the section heading, shown as the "section" of the answer's source
 * @param text     the passage text
 * @param sourceId the source its facts come from
 */
public record Section(String id, String heading, String text, String sourceId) {
}
