package dev.mentorbot.retrieval;

import java.util.List;

/**
 * The bot's reply to a question, before any platform renders it.
 *
 * @param question the question as the member typed it
 * @param answered false when the bot declines because it does not know
 * @param text     one concise passage, or the fallback explaining what the bot can help with
 * @param sources  where the passage comes from (empty when declined)
 * @param related  up to three questions the member may ask next
 * @param topic    the topic words of what was answered, for a conversation to remember (the
 *                 question's words without stop words, a follow-up's with the earlier topic);
 *                 empty when declined
 */
public record Answer(String question, boolean answered, String text, List<SourceRef> sources, List<String> related,
                     String topic) {
    public Answer {
        sources = List.copyOf(sources);
        related = List.copyOf(related);
        topic = topic == null ? "" : topic;
    }

    /** An answer with nothing for a conversation to remember. */
    public Answer(String question, boolean answered, String text, List<SourceRef> sources, List<String> related) {
        this(question, answered, text, sources, related, "");
    }

    /** What a conversation remembers of this answer: its topic and the passage shown first. */
    public Turn turn() {
        return new Turn(topic, sources.isEmpty() ? "" : sources.get(0).passageId());
    }

    /** Best fused score, 0 when declined. */
    public double score() {
        return sources.isEmpty() ? 0 : sources.get(0).score();
    }
}
