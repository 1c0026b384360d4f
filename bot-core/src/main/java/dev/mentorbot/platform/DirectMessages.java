package dev.mentorbot.platform;

import dev.mentorbot.command.Reply;
import dev.mentorbot.state.MemberId;

/**
 * Sends a member a direct message the member did not ask for just now, such as a weekly check-in.
 * An adapter that can open DMs offers it through {@link PlatformAdapter#directMessages()}.
 */
public interface DirectMessages {
    /** The platform whose members this reaches, as in {@link MemberId#platform()}. */
    String platform();

    /**
     * Sends {@code message} to {@code member} in a direct message. Never throws.
     *
     * @return what became of it; {@link Delivery#UNREACHABLE} only when the platform said the
     *         member cannot get DMs from the bot (left the workspace, blocks DMs, deactivated)
     */
    Delivery send(MemberId member, Reply message);

    /** What became of a direct message. */
    enum Delivery {
        /** The platform accepted it. */
        SENT,
        /** The member cannot be reached, and will not be on a retry. */
        UNREACHABLE,
        /** Not sent for a reason that may pass (outage, rate limit): worth trying again later. */
        FAILED
    }
}
