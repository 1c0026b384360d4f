package dev.mentorbot.state;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Which database {@link Database#open} uses: an SQLite file in a data directory (the default, one
 * bot instance) or a PostgreSQL server (several instances sharing state).
 */
public sealed interface DatabaseSettings permits DatabaseSettings.Sqlite, DatabaseSettings.Postgres {

    /** Returns a description that is safe to log and show: no password, ever. */
    String description();

    /** SQLite in {@code dataDirectory} with the default busy timeout. */
    static Sqlite sqlite(Path dataDirectory) {
        return new Sqlite(dataDirectory, Sqlite.DEFAULT_BUSY_TIMEOUT);
    }

    /**
     * PostgreSQL at {@code jdbcUrl} ({@code jdbc:postgresql://host:port/database}); {@code user} and
     * {@code password} may be null when the URL or the driver supplies them.
     */
    static Postgres postgres(String jdbcUrl, String user, String password) {
        return new Postgres(jdbcUrl, user, password);
    }

    /**
     * An SQLite database file, {@value #FILE_NAME}, in {@code dataDirectory}. The directory is created
     * (owner-only) if missing; the file is created readable and writable by its owner only.
     *
     * @param dataDirectory where the database lives; the caller picks the default
     * @param busyTimeout   how long to wait for a lock held by another process before giving up
     * @param maxSizeBytes  how large the file may grow (0: as large as the disk allows); past it,
     *                      writes fail as on a full disk while reads and answers go on
     */
    record Sqlite(Path dataDirectory, Duration busyTimeout, long maxSizeBytes) implements DatabaseSettings {
        /** The database file's name inside the data directory. */
        public static final String FILE_NAME = "mentor-bot.db";
        /** Long enough to ride out another process's short write, short enough to report a stuck lock. */
        public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(5);

        /** Validates the arguments. */
        public Sqlite {
            Checks.notNull("dataDirectory", dataDirectory);
            Checks.notNull("busyTimeout", busyTimeout);
            if (busyTimeout.isNegative() || busyTimeout.toMillis() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("busyTimeout out of range: " + busyTimeout);
            }
            if (maxSizeBytes < 0) {
                throw new IllegalArgumentException("maxSizeBytes is negative: " + maxSizeBytes);
            }
        }

        /** No size limit. */
        public Sqlite(Path dataDirectory, Duration busyTimeout) {
            this(dataDirectory, busyTimeout, 0);
        }

        /** The same database, allowed to grow to {@code bytes} at most (0: no limit). */
        public Sqlite withMaxSize(long bytes) {
            return new Sqlite(dataDirectory, busyTimeout, bytes);
        }

        /** Returns the path of the database file. */
        public Path databaseFile() {
            return dataDirectory.resolve(FILE_NAME);
        }

        @Override
        public String description() {
            return "SQLite database " + databaseFile().toAbsolutePath().normalize();
        }
    }

    /**
     * A PostgreSQL database. The password is only handed to the driver: {@link #toString()} and
     * {@link #description()} leave it out, and strip any credentials written into the URL.
     *
     * @param jdbcUrl  {@code jdbc:postgresql://host:port/database}
     * @param user     the user name, or null
     * @param password the password, or null; read it from the environment, not from a command line
     */
    record Postgres(String jdbcUrl, String user, String password) implements DatabaseSettings {
        /** Validates the URL is present; its form is checked when opening. */
        public Postgres {
            Checks.notNull("jdbcUrl", jdbcUrl);
        }

        @Override
        public String description() {
            return "PostgreSQL database " + JdbcUrls.redact(jdbcUrl);
        }

        @Override
        public String toString() {
            return "Postgres[jdbcUrl=" + JdbcUrls.redact(jdbcUrl) + ", user=" + user
                    + ", password=" + (password == null ? "none" : "(hidden)") + "]";
        }
    }
}
