package dev.mentorbot.command;

/**
 * How a reply reaches the member, which decides whether it spends the bot's global send budget.
 * The platforms limit how fast a bot posts into channels; an answer to an interaction (Discord's
 * callback and follow-ups, Slack's response_url and acks) is not bound by those limits, so
 * throttling it would only turn members away during a burst.
 */
public enum Delivery {
    /** An answer to the member's own interaction or command: slash commands, buttons, the console. */
    RESPONSE,
    /** A message the bot posts into a channel, a thread or a DM (chat.postMessage, a channel message). */
    CHANNEL_POST
}
