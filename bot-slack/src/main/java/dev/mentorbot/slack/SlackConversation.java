package dev.mentorbot.slack;

/**
 * The conversation keys of Slack places, under which the core remembers a conversation's recent
 * questions for follow-ups. A thread is one conversation wherever it is (its root message's ts
 * names it, and every reply carries that ts as {@code thread_ts}); a DM outside threads is one
 * conversation of its own. A slash command in a channel has no thread to continue, so it has no key.
 */
final class SlackConversation {
    private SlackConversation() {
    }

    /** A thread: {@code slack:TEAM:CHANNEL:THREAD_TS}. */
    static String thread(String team, String channel, String threadTs) {
        return "slack:" + orUnknown(team) + ":" + channel + ":" + threadTs;
    }

    /** A DM channel outside its threads: {@code slack:TEAM:DMCHANNEL}. */
    static String direct(String team, String channel) {
        return "slack:" + orUnknown(team) + ":" + channel;
    }

    /**
     * A slash command's conversation: the DM's, when it was typed in a one-to-one DM with the bot
     * (its answer shows inline there, like the DM's other answers); none elsewhere.
     */
    static String slash(String team, String channel) {
        return channel != null && channel.startsWith("D") ? direct(team, channel) : "";
    }

    private static String orUnknown(String team) {
        return team == null || team.isBlank() ? "unknown" : team;
    }
}
