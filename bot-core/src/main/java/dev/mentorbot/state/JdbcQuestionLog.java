package dev.mentorbot.state;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** {@link QuestionLog} over the {@code question_log} table, with the report reading the votes too. */
final class JdbcQuestionLog implements QuestionLog {
    private static final String RECORD = "INSERT INTO question_log (id, question_hash, question_text, answered,"
            + " top_source_id, score, platform, asked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private static final String PURGE = "DELETE FROM question_log WHERE asked_at < ?";

    // MAX(question_text) picks one stored wording per hash; NULLs (hashed or off logging) are skipped.
    private static final String QUESTION_STATS = "SELECT question_hash, MAX(question_text), COUNT(*) AS asked,"
            + " SUM(answered), MAX(asked_at) AS last_asked FROM question_log WHERE asked_at >= ?";
    private static final String TOP = QUESTION_STATS
            + " GROUP BY question_hash ORDER BY asked DESC, last_asked DESC, question_hash LIMIT ?";
    private static final String UNANSWERED = QUESTION_STATS
            + " AND answered = 0 GROUP BY question_hash ORDER BY asked DESC, last_asked DESC, question_hash LIMIT ?";

    private static final String NOT_HELPFUL = "SELECT question_hash, MAX(question_text), source_id, section,"
            + " COUNT(*) AS votes, MAX(voted_at) AS last_voted FROM answer_feedback"
            + " WHERE helpful = 0 AND voted_at >= ? GROUP BY question_hash, source_id, section"
            + " ORDER BY votes DESC, last_voted DESC, question_hash, source_id LIMIT ?";

    // UNION ALL then GROUP BY stands in for a FULL OUTER JOIN, which SQLite lacked until recently.
    private static final String HELPFULNESS = "SELECT source_id, SUM(served), SUM(helpful), SUM(not_helpful) FROM ("
            + " SELECT top_source_id AS source_id, 1 AS served, 0 AS helpful, 0 AS not_helpful FROM question_log"
            + " WHERE top_source_id IS NOT NULL AND asked_at >= ?"
            + " UNION ALL"
            + " SELECT source_id, 0, CASE WHEN helpful = 1 THEN 1 ELSE 0 END, CASE WHEN helpful = 0 THEN 1 ELSE 0 END"
            + " FROM answer_feedback WHERE voted_at >= ?"
            + ") per_source GROUP BY source_id ORDER BY source_id";

    private final Jdbc jdbc;
    private final Erasure erasure;

    JdbcQuestionLog(Jdbc jdbc, Erasure erasure) {
        this.jdbc = jdbc;
        this.erasure = erasure;
    }

    @Override
    public void record(LoggedQuestion question) {
        Checks.notNull("question", question);
        jdbc.run("log a question", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(RECORD)) {
                statement.setString(1, UUID.randomUUID().toString());
                statement.setString(2, question.hash());
                JdbcFeedbackStore.setNullable(statement, 3, question.text());
                statement.setInt(4, question.answered() ? 1 : 0);
                JdbcFeedbackStore.setNullable(statement, 5, question.topSourceId());
                statement.setDouble(6, question.score());
                statement.setString(7, question.platform());
                statement.setLong(8, Jdbc.millis(question.askedAt()));
                return statement.executeUpdate();
            }
        });
    }

    @Override
    public int purgeBefore(Instant cutoff) {
        Checks.notNull("cutoff", cutoff);
        int purged = jdbc.run("purge old questions", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(PURGE)) {
                statement.setLong(1, Jdbc.millis(cutoff));
                return statement.executeUpdate();
            }
        });
        if (purged > 0) {
            erasure.flush("questions");
        }
        return purged;
    }

    @Override
    public List<QuestionStats> topQuestions(Instant since, int limit) {
        return questionStats(TOP, since, limit);
    }

    @Override
    public List<QuestionStats> unansweredQuestions(Instant since, int limit) {
        return questionStats(UNANSWERED, since, limit);
    }

    @Override
    public List<NotHelpfulAnswer> notHelpfulAnswers(Instant since, int limit) {
        checkWindow(since, limit);
        return jdbc.run("list unhelpful answers", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(NOT_HELPFUL)) {
                statement.setLong(1, Jdbc.millis(since));
                statement.setInt(2, limit);
                List<NotHelpfulAnswer> answers = new ArrayList<>();
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        answers.add(new NotHelpfulAnswer(result.getString(1), result.getString(2), result.getString(3),
                                result.getString(4), result.getLong(5), Jdbc.instant(result.getLong(6))));
                    }
                }
                return answers;
            }
        });
    }

    @Override
    public List<SourceHelpfulness> sourceHelpfulness(Instant since) {
        Checks.notNull("since", since);
        return jdbc.run("summarise source helpfulness", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(HELPFULNESS)) {
                statement.setLong(1, Jdbc.millis(since));
                statement.setLong(2, Jdbc.millis(since));
                List<SourceHelpfulness> sources = new ArrayList<>();
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        sources.add(new SourceHelpfulness(result.getString(1), result.getLong(2), result.getLong(3),
                                result.getLong(4)));
                    }
                }
                return sources;
            }
        });
    }

    private List<QuestionStats> questionStats(String sql, Instant since, int limit) {
        checkWindow(since, limit);
        return jdbc.run("list questions", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setLong(1, Jdbc.millis(since));
                statement.setInt(2, limit);
                List<QuestionStats> stats = new ArrayList<>();
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        stats.add(new QuestionStats(result.getString(1), result.getString(2), result.getLong(3),
                                result.getLong(4), Jdbc.instant(result.getLong(5))));
                    }
                }
                return stats;
            }
        });
    }

    private static void checkWindow(Instant since, int limit) {
        Checks.notNull("since", since);
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, got " + limit);
        }
    }
}
