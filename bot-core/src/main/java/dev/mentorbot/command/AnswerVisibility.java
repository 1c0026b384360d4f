package dev.mentorbot.command;

/**
 * Who sees the answer to a question asked with a slash command ({@code /ask} on Discord,
 * {@code /mentor QUESTION} on Slack): setting {@code answers.visibility}. Answers to mentions are
 * always public in their thread, and personal views (checklists, progress, next) always private.
 */
public enum AnswerVisibility {
    /** Only the asker sees it, with a "Share in channel" button (the default): a channel is not flooded with questions. */
    PRIVATE,
    /** Everyone in the channel sees it. */
    PUBLIC
}
