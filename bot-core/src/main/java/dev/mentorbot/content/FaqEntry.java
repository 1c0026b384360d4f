package dev.mentorbot.content;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A question members ask often, with the ways they phrase it and a concise answer.
 *
 * @param id        stable id
 * @param question  canonical question, also offered as a "related question"
 * @param phrasings other ways members type it; all are indexed
 * @param answer    the answer passage
 * @param tags      topic tags
 * @param source    id of the source the answer comes from
 */
public record FaqEntry(
        @JsonProperty(required = true) String id,
        @JsonProperty(required = true) String question,
        List<String> phrasings,
        @JsonProperty(required = true) String answer,
        List<String> tags,
        @JsonProperty(required = true) String source) {
    public FaqEntry {
        phrasings = phrasings == null ? List.of() : List.copyOf(phrasings);
        tags = tags == null ? List.of() : List.copyOf(tags);
        answer = answer == null ? null : answer.strip();
    }
}
