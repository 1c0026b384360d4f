package dev.mentorbot.state;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

/** {@link TrackStore} over the {@code followed_track} table; following is one atomic upsert. */
final class JdbcTrackStore implements TrackStore {
    private static final String MEMBER = " WHERE platform = ? AND workspace = ? AND user_id = ?";
    // An upsert, not delete-then-insert: two clicks on two "Follow" buttons at once leave one row.
    private static final String FOLLOW = "INSERT INTO followed_track (platform, workspace, user_id, roadmap_id, followed_at)"
            + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (platform, workspace, user_id)"
            + " DO UPDATE SET roadmap_id = excluded.roadmap_id, followed_at = excluded.followed_at";
    private static final String SELECT = "SELECT roadmap_id FROM followed_track" + MEMBER;
    private static final String DELETE = "DELETE FROM followed_track" + MEMBER;

    private final Jdbc jdbc;

    JdbcTrackStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> followed(MemberId member) {
        Checks.notNull("member", member);
        return jdbc.run("read the followed track", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(SELECT)) {
                Jdbc.bindMember(statement, 1, member);
                try (ResultSet result = statement.executeQuery()) {
                    return result.next() ? Optional.of(result.getString(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void follow(MemberId member, String roadmapId, Instant at) {
        Checks.notNull("member", member);
        Checks.text("roadmapId", roadmapId, Checks.CONTENT_ID_MAX);
        Checks.notNull("at", at);
        jdbc.run("save the followed track", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(FOLLOW)) {
                Jdbc.bindMember(statement, 1, member);
                statement.setString(4, roadmapId);
                statement.setLong(5, Jdbc.millis(at));
                return statement.executeUpdate();
            }
        });
    }

    @Override
    public boolean unfollow(MemberId member) {
        Checks.notNull("member", member);
        return jdbc.run("forget the followed track", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(DELETE)) {
                Jdbc.bindMember(statement, 1, member);
                return statement.executeUpdate() > 0;
            }
        });
    }
}
