package dev.mentorbot.state;

import dev.mentorbot.retrieval.Turn;
import java.util.List;

/**
 * The recent turns of conversations, shared by every instance through the database: each
 * answered question's topic words and the passage that answered it, for a limited time.
 */
public interface ConversationStore {
    /** A conversation's recent turns that have not expired, oldest first: what a follow-up is read with. */
    List<Turn> recentTurns(String conversation);

    /**
     * Whether the conversation has a turn that has not expired: the bot answered in it lately.
     * Adapters ask this before acting on a message that does not mention the bot (a reply in a
     * thread the bot answered in), so every instance agrees on which threads the bot follows.
     */
    boolean active(String conversation);

    /**
     * Remembers an answered question of a conversation; only the most recent turns are kept.
     *
     * @param conversation the conversation's key (platform, place and thread)
     * @param member       who asked, so that forget-me can delete it
     * @param topic        the question's topic words
     * @param passageId    the passage that answered it
     */
    void remember(String conversation, MemberId member, String topic, String passageId);

    /** Deletes expired turns; returns how many. */
    int purgeExpired();
}
