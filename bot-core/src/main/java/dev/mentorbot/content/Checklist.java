package dev.mentorbot.content;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A topic's list of concrete things to learn or do, ticked off by members.
 *
 * @param id      stable id (a topic name such as {@code math-foundations})
 * @param title   human-readable title
 * @param summary one line on what the checklist is for
 * @param source  id of the source of its items
 * @param items   the items, in suggested order
 */
public record Checklist(
        @JsonProperty(required = true) String id,
        @JsonProperty(required = true) String title,
        String summary,
        @JsonProperty(required = true) String source,
        @JsonProperty(required = true) List<ChecklistItem> items) {
    public Checklist {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
