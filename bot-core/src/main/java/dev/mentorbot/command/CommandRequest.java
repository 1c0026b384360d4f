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
 * @param surface where the member typed it: replies write commands in that surface's syntax
 * @param delivery how the reply will reach the member: only channel posts spend the global send budget
 */
public record CommandRequest(String command, Map<String, String> options, MemberId member, String conversation,
                             Surface surface, Delivery delivery) {
    public CommandRequest {
        options = Map.copyOf(options);
        conversation = conversation == null ? "" : conversation;
        surface = surface == null ? Surface.CONSOLE : surface;
        delivery = delivery == null ? Delivery.RESPONSE : delivery;
    }

    /** A request answered as a response to the member (not a channel post). */
    public CommandRequest(String command, Map<String, String> options, MemberId member, String conversation,
                          Surface surface) {
        this(command, options, member, conversation, surface, Delivery.RESPONSE);
    }

    /** A request outside any conversation, typed on the console. */
    public CommandRequest(String command, Map<String, String> options, MemberId member) {
        this(command, options, member, "", Surface.CONSOLE);
    }

    /** A request typed on the console. */
    public CommandRequest(String command, Map<String, String> options, MemberId member, String conversation) {
        this(command, options, member, conversation, Surface.CONSOLE);
    }

    /** A request outside any conversation, from a surface. */
    public CommandRequest(String command, Map<String, String> options, MemberId member, Surface surface) {
        this(command, options, member, "", surface);
    }

    /** The same request, asked in a conversation. */
    public CommandRequest within(String newConversation) {
        return new CommandRequest(command, options, member, newConversation, surface, delivery);
    }

    /** The same request, answered by a post into a channel, a thread or a DM. */
    public CommandRequest postedToChannel() {
        return new CommandRequest(command, options, member, conversation, surface, Delivery.CHANNEL_POST);
    }

    /** The value of an option, if given and not blank. */
    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name)).filter(v -> !v.isBlank());
    }
}
