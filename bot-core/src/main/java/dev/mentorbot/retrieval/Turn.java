package dev.mentorbot.retrieval;

/**
 * An earlier answered question of a conversation, as the engine reads a follow-up with it.
 *
 * @param topic     the question's topic words ({@link Answer#topic()})
 * @param passageId the passage the member was shown; empty when not known, and then the engine
 *                  finds the passage again from the topic
 */
public record Turn(String topic, String passageId) {
    public Turn {
        topic = topic == null ? "" : topic;
        passageId = passageId == null ? "" : passageId;
    }
}
