package dev.mentorbot.content;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One ordered step of a roadmap.
 *
 * @param id         stable id, unique within its roadmap
 * @param title      what the stage is about
 * @param goals      what a member can do at the end of it
 * @param practice   suggested practice
 * @param checklists ids of the checklists that measure this stage
 * @param duration   how long it takes, only where a source gives a figure; may be null
 */
public record RoadmapStage(
        @JsonProperty(required = true) String id,
        @JsonProperty(required = true) String title,
        List<String> goals,
        List<String> practice,
        List<String> checklists,
        String duration) {
    public RoadmapStage {
        goals = goals == null ? List.of() : List.copyOf(goals);
        practice = practice == null ? List.of() : List.copyOf(practice);
        checklists = checklists == null ? List.of() : List.copyOf(checklists);
    }
}
