package dev.mentorbot.discord;

/**
 * The conversation keys of Discord places, under which the core remembers a conversation's recent
 * questions for follow-ups: a thread ({@code discord:GUILD:THREAD_ID}) or a DM channel
 * ({@code discord:dm:CHANNEL_ID}). A guild channel outside threads is no conversation: many
 * members talk there at once.
 */
final class DiscordConversation {
    private DiscordConversation() {
    }

    /**
     * A thread. A thread opened on a message has the message's id (Discord documents this), so the
     * key of the thread the bot is about to open for a mention is known before the thread exists.
     */
    static String thread(String guildId, String threadId) {
        return "discord:" + guildId + ":" + threadId;
    }

    /** The conversation of a place: a thread, a DM, or none (a guild channel outside threads). */
    static String of(net.dv8tion.jda.api.entities.channel.ChannelType type, String guild, String channelId) {
        if (guild == null) {
            return direct(channelId);
        }
        return type != null && type.isThread() ? thread(guild, channelId) : "";
    }

    /** A DM channel. */
    static String direct(String channelId) {
        return "discord:" + DiscordRequests.DIRECT + ":" + channelId;
    }
}
