package dev.mentorbot.state;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@link CheckinStore} over the {@code checkin_members} and {@code checkin_sends} tables. */
final class JdbcCheckinStore implements CheckinStore {
    static final long WEEK_MILLIS = Duration.ofDays(7).toMillis();
    private static final String MEMBER = " WHERE platform = ? AND workspace = ? AND user_id = ?";
    // DO NOTHING keeps the first opt-in's time, so opting in twice does not postpone the check-in.
    private static final String OPT_IN = "INSERT INTO checkin_members (platform, workspace, user_id, opted_in_at)"
            + " VALUES (?, ?, ?, ?) ON CONFLICT (platform, workspace, user_id) DO NOTHING";
    private static final String SELECT = "SELECT 1 FROM checkin_members" + MEMBER;
    // The claim: the primary key lets exactly one insert per member and week through.
    private static final String CLAIM = "INSERT INTO checkin_sends (platform, workspace, user_id, week, claimed_at)"
            + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (platform, workspace, user_id, week) DO NOTHING";
    private static final String RELEASE = "DELETE FROM checkin_sends" + MEMBER + " AND week = ?";
    private static final String PURGE = "DELETE FROM checkin_sends WHERE claimed_at < ?";
    /**
     * The member's current week is computed in SQL (integer division on BIGINT, the same on both
     * databases), so the query needs no row per member and week until one is actually sent.
     */
    private static final String DUE = "SELECT m.platform, m.workspace, m.user_id, m.opted_in_at,"
            + " (? - m.opted_in_at) / " + WEEK_MILLIS + " AS week FROM checkin_members m"
            + " WHERE m.opted_in_at <= ? AND m.platform IN (%s) AND NOT EXISTS (SELECT 1 FROM checkin_sends s"
            + " WHERE s.platform = m.platform AND s.workspace = m.workspace AND s.user_id = m.user_id"
            + " AND s.week = (? - m.opted_in_at) / " + WEEK_MILLIS + ")"
            + " ORDER BY m.opted_in_at, m.platform, m.workspace, m.user_id LIMIT ?";

    private final Jdbc jdbc;

    JdbcCheckinStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean optIn(MemberId member, Instant at) {
        Checks.notNull("member", member);
        Checks.notNull("at", at);
        return jdbc.run("opt in to check-ins", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(OPT_IN)) {
                Jdbc.bindMember(statement, 1, member);
                statement.setLong(4, Jdbc.millis(at));
                return statement.executeUpdate() > 0;
            }
        });
    }

    @Override
    public boolean optOut(MemberId member) {
        Checks.notNull("member", member);
        return jdbc.transaction("opt out of check-ins", connection -> {
            try (PreparedStatement sends = connection.prepareStatement("DELETE FROM checkin_sends" + MEMBER);
                 PreparedStatement members = connection.prepareStatement("DELETE FROM checkin_members" + MEMBER)) {
                Jdbc.bindMember(sends, 1, member);
                sends.executeUpdate();
                Jdbc.bindMember(members, 1, member);
                return members.executeUpdate() > 0;
            }
        });
    }

    @Override
    public boolean optedIn(MemberId member) {
        Checks.notNull("member", member);
        return jdbc.run("read the check-in setting", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(SELECT)) {
                Jdbc.bindMember(statement, 1, member);
                try (ResultSet result = statement.executeQuery()) {
                    return result.next();
                }
            }
        });
    }

    @Override
    public List<DueCheckin> due(Set<String> platforms, Instant now, int limit) {
        Checks.notNull("platforms", platforms);
        Checks.notNull("now", now);
        if (platforms.isEmpty() || limit <= 0) {
            return List.of();
        }
        List<String> names = List.copyOf(platforms);
        String sql = String.format(DUE, String.join(", ", java.util.Collections.nCopies(names.size(), "?")));
        long nowMillis = Jdbc.millis(now);
        return jdbc.run("find due check-ins", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int p = 1;
                statement.setLong(p++, nowMillis);
                statement.setLong(p++, nowMillis - WEEK_MILLIS);
                for (String name : names) {
                    statement.setString(p++, name);
                }
                statement.setLong(p++, nowMillis);
                statement.setInt(p, limit);
                List<DueCheckin> due = new ArrayList<>();
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        due.add(new DueCheckin(new MemberId(result.getString(1), result.getString(2), result.getString(3)),
                                result.getLong(5), Jdbc.instant(result.getLong(4))));
                    }
                }
                return List.copyOf(due);
            }
        });
    }

    @Override
    public boolean claim(MemberId member, long week, Instant at) {
        Checks.notNull("member", member);
        Checks.notNull("at", at);
        return jdbc.run("claim a check-in", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(CLAIM)) {
                Jdbc.bindMember(statement, 1, member);
                statement.setLong(4, week);
                statement.setLong(5, Jdbc.millis(at));
                return statement.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void release(MemberId member, long week) {
        Checks.notNull("member", member);
        jdbc.run("give back a check-in claim", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(RELEASE)) {
                Jdbc.bindMember(statement, 1, member);
                statement.setLong(4, week);
                return statement.executeUpdate();
            }
        });
    }

    @Override
    public int purgeClaimsBefore(Instant before) {
        Checks.notNull("before", before);
        return jdbc.run("purge old check-in claims", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(PURGE)) {
                statement.setLong(1, Jdbc.millis(before));
                return statement.executeUpdate();
            }
        });
    }
}
