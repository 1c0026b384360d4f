package dev.mentorbot.content;

import java.util.List;

/**
 * A long-form explanation split into sections; each section is answered on its own.
 *
 * @param id       stable id
 * @param title    article title, shown as the answer's source title
 * @param tags     topic tags
 * @param sourceId default source of its sections
 * @param sections retrievable passages, in reading order
 */
public record Article(String id, String title, List<String> tags, String sourceId, List<Section> sections) {
    public Article {
        tags = List.copyOf(tags);
        sections = List.copyOf(sections);
    }
}
