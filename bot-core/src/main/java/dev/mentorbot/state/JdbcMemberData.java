package dev.mentorbot.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** {@link MemberData} over every table that holds a member id. */
final class JdbcMemberData implements MemberData {
    /** The tables with member rows; a new one must be added here, or forget-me would miss it. */
    private static final String PROGRESS = "checklist_progress";
    private static final String FEEDBACK = "answer_feedback";
    private static final String TRACK = "followed_track";
    /** Not counted for the member (it expires within the hour), but erased with the rest. */
    private static final String CONVERSATIONS = "conversation_turns";
    /** Whether the member asked for check-ins, and which were sent: erased with the rest, not counted. */
    private static final String CHECKIN_SENDS = "checkin_sends";
    private static final String CHECKIN_MEMBERS = "checkin_members";
    private static final String MEMBER = " WHERE platform = ? AND workspace = ? AND user_id = ?";
    /**
     * The question log has no member id, but with full logging it holds the text of the questions
     * the member voted on: that text goes (the entries and their counts stay for the report).
     */
    private static final String FORGET_LOGGED_TEXT = "UPDATE question_log SET question_text = NULL"
            + " WHERE question_text IS NOT NULL AND question_hash IN (SELECT question_hash FROM " + FEEDBACK + MEMBER + ")";

    private final Jdbc jdbc;
    private final Erasure erasure;

    JdbcMemberData(Jdbc jdbc, Erasure erasure) {
        this.jdbc = jdbc;
        this.erasure = erasure;
    }

    @Override
    public MemberDataCounts count(MemberId member) {
        Checks.notNull("member", member);
        return jdbc.run("count member data", connection -> new MemberDataCounts(
                count(connection, PROGRESS, member), count(connection, FEEDBACK, member),
                count(connection, TRACK, member)));
    }

    @Override
    public MemberDataCounts forget(MemberId member) {
        Checks.notNull("member", member);
        // One transaction: a failure half-way must not leave the member half forgotten.
        MemberDataCounts deleted = jdbc.transaction("forget a member", connection -> {
            int progress = delete(connection, PROGRESS, member);
            try (PreparedStatement statement = connection.prepareStatement(FORGET_LOGGED_TEXT)) {
                Jdbc.bindMember(statement, 1, member);
                statement.executeUpdate();
            }
            int feedback = delete(connection, FEEDBACK, member);
            delete(connection, CONVERSATIONS, member);
            delete(connection, CHECKIN_SENDS, member);
            delete(connection, CHECKIN_MEMBERS, member);
            return new MemberDataCounts(progress, feedback, delete(connection, TRACK, member));
        });
        erasure.flush("member data");
        return deleted;
    }

    private static int count(Connection connection, String table, MemberId member) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM " + table + MEMBER)) {
            Jdbc.bindMember(statement, 1, member);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }

    private static int delete(Connection connection, String table, MemberId member) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("DELETE FROM " + table + MEMBER)) {
            Jdbc.bindMember(statement, 1, member);
            return statement.executeUpdate();
        }
    }
}
