package dev.mentorbot.state;

import java.time.Instant;
import java.util.List;

/**
 * What members ask and how the bot answered, and the queries behind the admins' report.
 *
 * <p>Entries carry no member id, so they are not part of what {@link MemberData#forget} deletes
 * (it only removes the text of the questions the member voted on); callers choose whether the text is stored at all ({@link LoggedQuestion#text()} may be null).
 * Questions are grouped by hash: exact repeats (after the caller's normalisation) count together;
 * clustering paraphrases is left to the report, which has the wording and the embeddings.
 */
public interface QuestionLog {

    /** Appends one question to the log. */
    void record(LoggedQuestion question);

    /**
     * Deletes the questions asked before {@code cutoff} (the retention limit), and returns how
     * many; on SQLite their bytes are overwritten and flushed out of the write-ahead log too.
     * Feedback votes are members' data and stay until the member forgets them.
     */
    int purgeBefore(Instant cutoff);

    /** Returns the most asked questions since {@code since}, most asked first, at most {@code limit}. */
    List<QuestionStats> topQuestions(Instant since, int limit);

    /**
     * Returns the questions asked since {@code since} that got no answer (the content gaps), most
     * asked first, at most {@code limit}. Counts only the unanswered askings.
     */
    List<QuestionStats> unansweredQuestions(Instant since, int limit);

    /**
     * Returns answers voted not helpful since {@code since}, most votes first, at most {@code limit}.
     * Reads the votes recorded through {@link FeedbackStore}.
     */
    List<NotHelpfulAnswer> notHelpfulAnswers(Instant since, int limit);

    /**
     * Returns, per source, how often it was the top source of a question and how members voted on
     * its answers, since {@code since}; ordered by source id.
     */
    List<SourceHelpfulness> sourceHelpfulness(Instant since);
}
