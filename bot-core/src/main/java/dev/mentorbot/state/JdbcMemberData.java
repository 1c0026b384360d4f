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
    private static final String MEMBER = " WHERE platform = ? AND workspace = ? AND user_id = ?";

    private final Jdbc jdbc;

    JdbcMemberData(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public MemberDataCounts count(MemberId member) {
        Checks.notNull("member", member);
        return jdbc.run("count member data", connection -> new MemberDataCounts(
                count(connection, PROGRESS, member), count(connection, FEEDBACK, member)));
    }

    @Override
    public MemberDataCounts forget(MemberId member) {
        Checks.notNull("member", member);
        // One transaction: a failure half-way must not leave the member half forgotten.
        return jdbc.transaction("forget a member", connection -> new MemberDataCounts(
                delete(connection, PROGRESS, member), delete(connection, FEEDBACK, member)));
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
