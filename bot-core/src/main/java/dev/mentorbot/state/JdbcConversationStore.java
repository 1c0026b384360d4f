package dev.mentorbot.state;

import dev.mentorbot.retrieval.Turn;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@link ConversationStore} over the {@code conversation_turns} table. */
final class JdbcConversationStore implements ConversationStore {
    /** Turns a conversation keeps: a follow-up rarely reaches further back. */
    static final int TURNS = 3;
    /** How long a turn is remembered: a conversation half an hour old has moved on. */
    static final Duration TTL = Duration.ofMinutes(30);
    private static final int TOPIC_MAX = 300;

    private static final String RECENT = "SELECT topic, passage_id FROM conversation_turns WHERE conversation_key = ? AND expires_at > ?"
            + " ORDER BY turn_at DESC LIMIT " + TURNS;
    private static final String ACTIVE = "SELECT 1 FROM conversation_turns WHERE conversation_key = ? AND expires_at > ?"
            + " LIMIT 1";
    private static final String INSERT = "INSERT INTO conversation_turns (conversation_key, turn_at, platform, workspace,"
            + " user_id, topic, passage_id, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String TRIM = "DELETE FROM conversation_turns WHERE conversation_key = ? AND turn_at NOT IN"
            + " (SELECT turn_at FROM conversation_turns WHERE conversation_key = ? ORDER BY turn_at DESC LIMIT " + TURNS + ")";
    private static final String PURGE = "DELETE FROM conversation_turns WHERE expires_at <= ?";

    private final Jdbc jdbc;
    private final Clock clock;

    JdbcConversationStore(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public List<Turn> recentTurns(String conversation) {
        Checks.text("conversation", conversation, Checks.EVENT_KEY_MAX);
        Instant now = clock.instant();
        return jdbc.run("read a conversation", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(RECENT)) {
                statement.setString(1, conversation);
                statement.setLong(2, Jdbc.millis(now));
                List<Turn> newestFirst = new ArrayList<>();
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        newestFirst.add(new Turn(result.getString(1), result.getString(2)));
                    }
                }
                java.util.Collections.reverse(newestFirst);
                return List.copyOf(newestFirst);
            }
        });
    }

    @Override
    public boolean active(String conversation) {
        Checks.text("conversation", conversation, Checks.EVENT_KEY_MAX);
        Instant now = clock.instant();
        return jdbc.run("check a conversation", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(ACTIVE)) {
                statement.setString(1, conversation);
                statement.setLong(2, Jdbc.millis(now));
                try (ResultSet result = statement.executeQuery()) {
                    return result.next();
                }
            }
        });
    }

    @Override
    public void remember(String conversation, MemberId member, String topic, String passageId) {
        Checks.text("conversation", conversation, Checks.EVENT_KEY_MAX);
        Checks.notNull("member", member);
        Checks.notNull("topic", topic);
        Checks.text("passageId", passageId, Checks.SOURCE_MAX);
        Instant now = clock.instant();
        String shortTopic = topic.length() > TOPIC_MAX ? topic.substring(0, TOPIC_MAX) : topic;
        jdbc.transaction("remember a conversation turn", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
                statement.setString(1, conversation);
                statement.setLong(2, Jdbc.millis(now));
                Jdbc.bindMember(statement, 3, member);
                statement.setString(6, shortTopic);
                statement.setString(7, passageId);
                statement.setLong(8, Jdbc.millis(now.plus(TTL)));
                statement.executeUpdate();
            }
            try (PreparedStatement statement = connection.prepareStatement(TRIM)) {
                statement.setString(1, conversation);
                statement.setString(2, conversation);
                statement.executeUpdate();
            }
            // Expired turns of every conversation go with each new turn, so none outlives its
            // time by more than the next question asked anywhere (the hourly sweep catches the rest).
            try (PreparedStatement statement = connection.prepareStatement(PURGE)) {
                statement.setLong(1, Jdbc.millis(now));
                statement.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public int purgeExpired() {
        Instant now = clock.instant();
        return jdbc.run("purge conversation turns", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(PURGE)) {
                statement.setLong(1, Jdbc.millis(now));
                return statement.executeUpdate();
            }
        });
    }
}
