package dev.mentorbot.state;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The opened state database: checked, migrated to the current schema, and pooled. Hands out the
 * stores; close it on shutdown. Safe for concurrent use by any number of threads.
 *
 * <pre>{@code
 * try (Database db = Database.open(DatabaseSettings.sqlite(dataDir))) {
 *     db.progress().toggle(member, "python-basics", "install-python", Instant.now());
 * }
 * }</pre>
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final Backend backend;
    private final HikariDataSource pool;
    private final Jdbc jdbc;
    private final ProgressStore progress;
    private final FeedbackStore feedback;
    private final QuestionLog questions;
    private final ProcessedEvents processedEvents;
    private final MemberData members;
    private final TrackStore tracks;
    private final ConversationStore conversations;
    private final CheckinStore checkins;

    private Database(Backend backend, HikariDataSource pool, Clock clock) {
        this.backend = backend;
        this.pool = pool;
        this.jdbc = new Jdbc(pool, backend.failures());
        this.progress = new JdbcProgressStore(jdbc);
        this.feedback = new JdbcFeedbackStore(jdbc);
        Erasure erasure = new Erasure(backend.kind(), jdbc);
        this.questions = new JdbcQuestionLog(jdbc, erasure);
        this.processedEvents = new JdbcProcessedEvents(jdbc, clock);
        this.members = new JdbcMemberData(jdbc, erasure);
        this.tracks = new JdbcTrackStore(jdbc);
        this.conversations = new JdbcConversationStore(jdbc, clock);
        this.checkins = new JdbcCheckinStore(jdbc);
    }

    /**
     * Opens the database with the system clock.
     *
     * @throws StateException with one clear message if the directory is not writable, the file is
     *                        corrupt, holds another application's tables or a newer release's
     *                        schema, the server cannot be reached or refuses the login, or the
     *                        schema cannot be brought up to date. Existing data is never deleted
     *                        or re-created on the way, and a current database is not written.
     */
    public static Database open(DatabaseSettings settings) {
        return open(settings, Clock.systemUTC());
    }

    /**
     * Opens the database; {@code clock} decides when processed-event marks expire.
     *
     * @see #open(DatabaseSettings)
     */
    public static Database open(DatabaseSettings settings, Clock clock) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clock, "clock");
        Backend backend = settings instanceof DatabaseSettings.Sqlite sqlite
                ? SqliteBackend.prepare(sqlite)
                : PostgresBackend.prepare((DatabaseSettings.Postgres) settings);
        SchemaMigrations.apply(backend);
        HikariDataSource pool = ConnectionPool.open(backend);
        LOG.info("Opened {}", backend.description());
        return new Database(backend, pool, clock);
    }

    /** Returns checklist progress per member. */
    public ProgressStore progress() {
        return progress;
    }

    /** Returns the helpful / not-helpful votes. */
    public FeedbackStore feedback() {
        return feedback;
    }

    /** Returns the question log and the report queries. */
    public QuestionLog questions() {
        return questions;
    }

    /** Returns the de-duplication marks for platform events. */
    public ProcessedEvents processedEvents() {
        return processedEvents;
    }

    /** Returns the recent turns of conversations, for follow-up questions. */
    public ConversationStore conversations() {
        return conversations;
    }

    /** Returns who opted in to weekly check-ins, and which were sent. */
    public CheckinStore checkins() {
        return checkins;
    }

    /** Returns the track each member follows. */
    public TrackStore tracks() {
        return tracks;
    }

    /** Returns what is stored per member, and forget-me. */
    public MemberData members() {
        return members;
    }

    /**
     * Checks the database for damage. On SQLite this runs {@code PRAGMA integrity_check} over the
     * whole file (slow on a large file: meant for an admin command, not every request). PostgreSQL
     * guards its own pages; there this only checks that the server answers.
     */
    public IntegrityReport integrityCheck() {
        try {
            return new IntegrityReport(jdbc.run("check the database's integrity", connection -> {
                if (backend.kind() == Backend.Kind.SQLITE) {
                    return SqliteBackend.check(connection, "PRAGMA integrity_check");
                }
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SELECT 1");
                }
                return List.of();
            }));
        } catch (StateException e) {
            if (e.reason() == StateException.Reason.DATABASE_CORRUPT) {
                return new IntegrityReport(List.of(e.getMessage()));
            }
            throw e;
        }
    }

    /**
     * Checks that the database answers a trivial query now, for a readiness probe. Cheap on both
     * backends, unlike {@link #integrityCheck()}, which reads the whole SQLite file.
     *
     * @throws StateException with one clear message when the server cannot be reached, the pool is
     *                        closed or no connection becomes free in time
     */
    public void ping() {
        jdbc.run("reach the database", connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT 1");
            }
            return null;
        });
    }

    /** Returns which database this is, safe to log and show: a file path or a URL without credentials. */
    public String description() {
        return backend.description();
    }

    /** The pooled data source, for tests in this package that need to look underneath the stores. */
    DataSource dataSource() {
        return pool;
    }

    /** Closes the pool; the stores must not be used afterwards. */
    @Override
    public void close() {
        pool.close();
    }

    @Override
    public String toString() {
        return "Database[" + backend.description() + "]";
    }
}
