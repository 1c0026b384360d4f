package dev.mentorbot.report;

import dev.mentorbot.state.NotHelpfulAnswer;
import dev.mentorbot.state.QuestionLog;
import dev.mentorbot.state.QuestionStats;
import dev.mentorbot.state.SourceHelpfulness;
import java.time.Instant;
import java.util.List;

/**
 * What members asked since a point in time. Questions are grouped by the hash of their topic
 * words, so paraphrases with the same words ("pay in India?", "india pay") count as one.
 *
 * @param since              start of the period
 * @param topQuestions       most asked questions
 * @param unanswered         questions the bot declined: the content gaps
 * @param notHelpful         answers members marked not helpful
 * @param sourceHelpfulness  per passage: how often it answered, and the votes on it
 */
public record AdminReport(Instant since, List<QuestionStats> topQuestions, List<QuestionStats> unanswered,
                          List<NotHelpfulAnswer> notHelpful, List<SourceHelpfulness> sourceHelpfulness) {
    /** Reads the report from the question log. */
    public static AdminReport build(QuestionLog log, Instant since, int limit) {
        return new AdminReport(since, log.topQuestions(since, limit), log.unansweredQuestions(since, limit),
                log.notHelpfulAnswers(since, limit), log.sourceHelpfulness(since));
    }
}
