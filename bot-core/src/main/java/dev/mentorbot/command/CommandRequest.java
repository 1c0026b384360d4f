package dev.mentorbot.command;

import dev.mentorbot.state.MemberId;
import java.util.Map;
import java.util.Optional;

/**
 * A platform-neutral request: which command, with which option values, from whom.
 *
 * @param command command name
 * @param options option values by name; absent options are simply missing
 * @param member  who asks
 */
public record CommandRequest(String command, Map<String, String> options, MemberId member) {
    public CommandRequest {
        options = Map.copyOf(options);
    }

    /** The value of an option, if given and not blank. */
    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name)).filter(v -> !v.isBlank());
    }
}
