package dev.mentorbot.content;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A learning track: ordered stages from a starting point to a deep learning engineering role.
 *
 * @param id      stable id (a track name such as {@code from-zero})
 * @param title   human-readable title
 * @param summary who the track is for
 * @param source  id of the source the track is based on
 * @param stages  ordered stages
 * @param order   where the track is listed among tracks (lower first); tracks without one come last
 */
public record Roadmap(
        @JsonProperty(required = true) String id,
        @JsonProperty(required = true) String title,
        String summary,
        @JsonProperty(required = true) String source,
        @JsonProperty(required = true) List<RoadmapStage> stages,
        Integer order) {
    public Roadmap {
        stages = stages == null ? List.of() : List.copyOf(stages);
        order = order == null ? Integer.MAX_VALUE : order;
    }
}
