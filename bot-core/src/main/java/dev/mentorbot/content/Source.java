package dev.mentorbot.content;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where a passage's facts come from. Every answer names its source, so members can judge it.
 *
 * @param id    stable id cited by content files
 * @param kind  published article or editorial advice
 * @param title human-readable title shown with answers
 * @param note  optional remark for admins (e.g. where the article was found)
 */
public record Source(
        @JsonProperty(required = true) String id,
        @JsonProperty(required = true) SourceKind kind,
        @JsonProperty(required = true) String title,
        String note) {
}
