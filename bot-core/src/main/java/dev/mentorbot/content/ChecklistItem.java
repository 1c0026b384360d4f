package dev.mentorbot.content;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One tickable item. Its id is stored with member progress, so it never changes.
 *
 * @param id   stable id, unique within its checklist
 * @param text what to do
 */
public record ChecklistItem(
        @JsonProperty(required = true) String id,
        @JsonProperty(required = true) String text) {
}
