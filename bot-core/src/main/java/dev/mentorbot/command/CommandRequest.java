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
 * @param conversation where it is asked, when that place is a conversation the bot follows (a
 *                thread, a DM, a console chat): a key unique to it, such as
 *                {@code slack:T1:C1:1700000000.000100}; empty otherwise. Follow-up questions are
 *                understood within it.
 */
public record CommandRequest(String command, Map<String, String> options, MemberId member, String conversation) {
    public CommandRequest {
        options = Map.copyOf(options);
        conversation = conversation == null ? "" : conversation;
    }

    /** A request outside any conversation. */
    public CommandRequest(String command, Map<String, String> options, MemberId member) {
        this(command, options, member, "");
    }

    /** The value of an option, if given and not blank. */
    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name)).filter(v -> !v.isBlank());
    }
}
