package dev.mentorbot.state;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/** {@link FeedbackStore} over the {@code answer_feedback} table: one row per member and answer. */
final class JdbcFeedbackStore implements FeedbackStore {
    private static final String KEY = "platform, workspace, user_id, question_hash, source_id";

    private static final String RECORD = "INSERT INTO answer_feedback (" + KEY
            + ", section, question_text, helpful, voted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (" + KEY + ") DO UPDATE SET section = excluded.section,"
            + " question_text = excluded.question_text, helpful = excluded.helpful, voted_at = excluded.voted_at";

    static final String COUNTS = "SELECT source_id,"
            + " SUM(CASE WHEN helpful = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN helpful = 0 THEN 1 ELSE 0 END)"
            + " FROM answer_feedback";

    private final Jdbc jdbc;

    JdbcFeedbackStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(Feedback feedback) {
        Checks.notNull("feedback", feedback);
        jdbc.run("record feedback", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(RECORD)) {
                Jdbc.bindMember(statement, 1, feedback.member());
                statement.setString(4, feedback.questionHash());
                statement.setString(5, feedback.sourceId());
                setNullable(statement, 6, feedback.section());
                setNullable(statement, 7, feedback.questionText());
                statement.setInt(8, feedback.helpful() ? 1 : 0);
                statement.setLong(9, Jdbc.millis(feedback.at()));
                return statement.executeUpdate();
            }
        });
    }

    @Override
    public FeedbackCounts countsFor(String sourceId) {
        Checks.text("sourceId", sourceId, Checks.SOURCE_MAX);
        List<FeedbackCounts> counts = jdbc.run("count feedback", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    COUNTS + " WHERE source_id = ? GROUP BY source_id")) {
                statement.setString(1, sourceId);
                return read(statement);
            }
        });
        return counts.isEmpty() ? new FeedbackCounts(sourceId, 0, 0) : counts.get(0);
    }

    @Override
    public List<FeedbackCounts> countsPerSource() {
        return jdbc.run("count feedback", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    COUNTS + " GROUP BY source_id ORDER BY source_id")) {
                return read(statement);
            }
        });
    }

    static void setNullable(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    private static List<FeedbackCounts> read(PreparedStatement statement) throws SQLException {
        List<FeedbackCounts> counts = new ArrayList<>();
        try (ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                counts.add(new FeedbackCounts(result.getString(1), result.getLong(2), result.getLong(3)));
            }
        }
        return counts;
    }
}
