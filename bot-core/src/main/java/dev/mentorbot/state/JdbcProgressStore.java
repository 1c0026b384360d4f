package dev.mentorbot.state;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@link ProgressStore} over the {@code checklist_progress} table; each write is one atomic upsert. */
final class JdbcProgressStore implements ProgressStore {
    private static final String KEY = "platform, workspace, user_id, checklist_id, item_id";
    private static final String COLUMNS = KEY + ", done, updated_at";

    // The WHERE on the update keeps the newer state when writes arrive out of order.
    private static final String SET = "INSERT INTO checklist_progress (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (" + KEY + ") DO UPDATE SET done = excluded.done, updated_at = excluded.updated_at"
            + " WHERE checklist_progress.updated_at <= excluded.updated_at";

    // Flipping in the database, not read-then-write in Java, is what makes concurrent toggles safe.
    // updated_at never moves backwards, so a toggle cannot reopen the door to a stale set().
    private static final String TOGGLE = "INSERT INTO checklist_progress (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, 1, ?)"
            + " ON CONFLICT (" + KEY + ") DO UPDATE SET done = 1 - checklist_progress.done,"
            + " updated_at = CASE WHEN excluded.updated_at > checklist_progress.updated_at"
            + " THEN excluded.updated_at ELSE checklist_progress.updated_at END"
            + " RETURNING done";

    private static final String SELECT = "SELECT checklist_id, item_id, done, updated_at FROM checklist_progress"
            + " WHERE platform = ? AND workspace = ? AND user_id = ?";
    private static final String SELECT_CHECKLIST = SELECT + " AND checklist_id = ? ORDER BY item_id";
    private static final String SELECT_ALL = SELECT + " ORDER BY checklist_id, item_id";

    private final Jdbc jdbc;

    JdbcProgressStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean set(MemberId member, String checklistId, String itemId, boolean done, Instant at) {
        checkItem(member, checklistId, itemId, at);
        return jdbc.run("save checklist progress", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(SET)) {
                bindItem(statement, member, checklistId, itemId);
                statement.setInt(6, done ? 1 : 0);
                statement.setLong(7, Jdbc.millis(at));
                return statement.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean toggle(MemberId member, String checklistId, String itemId, Instant at) {
        checkItem(member, checklistId, itemId, at);
        return jdbc.run("toggle a checklist item", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(TOGGLE)) {
                bindItem(statement, member, checklistId, itemId);
                statement.setLong(6, Jdbc.millis(at));
                try (ResultSet result = statement.executeQuery()) {
                    if (!result.next()) {
                        throw new SQLException("toggle returned no row");
                    }
                    return result.getInt(1) == 1;
                }
            }
        });
    }

    @Override
    public List<ItemProgress> checklist(MemberId member, String checklistId) {
        Checks.notNull("member", member);
        Checks.text("checklistId", checklistId, Checks.CONTENT_ID_MAX);
        return jdbc.run("read checklist progress", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(SELECT_CHECKLIST)) {
                Jdbc.bindMember(statement, 1, member);
                statement.setString(4, checklistId);
                return read(statement);
            }
        });
    }

    @Override
    public List<ItemProgress> all(MemberId member) {
        Checks.notNull("member", member);
        return jdbc.run("read progress", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(SELECT_ALL)) {
                Jdbc.bindMember(statement, 1, member);
                return read(statement);
            }
        });
    }

    private static void checkItem(MemberId member, String checklistId, String itemId, Instant at) {
        Checks.notNull("member", member);
        Checks.text("checklistId", checklistId, Checks.CONTENT_ID_MAX);
        Checks.text("itemId", itemId, Checks.CONTENT_ID_MAX);
        Checks.notNull("at", at);
    }

    private static void bindItem(PreparedStatement statement, MemberId member, String checklistId, String itemId)
            throws SQLException {
        Jdbc.bindMember(statement, 1, member);
        statement.setString(4, checklistId);
        statement.setString(5, itemId);
    }

    private static List<ItemProgress> read(PreparedStatement statement) throws SQLException {
        List<ItemProgress> items = new ArrayList<>();
        try (ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                items.add(new ItemProgress(result.getString(1), result.getString(2), result.getInt(3) == 1,
                        Jdbc.instant(result.getLong(4))));
            }
        }
        return items;
    }
}
