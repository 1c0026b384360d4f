package dev.mentorbot.app;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * A consistent copy of the SQLite database while the bot keeps running: {@code VACUUM INTO} reads
 * one snapshot in a read transaction, which in WAL mode never blocks the bot's writes, and writes
 * a compact file that needs no {@code -wal} beside it. Copying the file itself while the bot runs
 * could catch a page half written, or miss commits still in the {@code -wal} file.
 */
final class SqliteBackup {
    /** How long to wait when another process holds a lock SQLite cannot read past. */
    static final Duration BUSY_TIMEOUT = Duration.ofSeconds(10);

    private SqliteBackup() {
    }

    /** Why a backup was not made, in words for the operator. */
    static final class Failure extends Exception {
        Failure(String message) {
            super(message);
        }
    }

    /** What was written. */
    record Result(Path file, long bytes) {
    }

    /**
     * Copies {@code database} to {@code target}, a new file readable by its owner alone (it holds
     * what members asked), then checks the copy with {@code PRAGMA integrity_check}.
     */
    static Result copy(Path database, Path target) throws Failure {
        if (!Files.isRegularFile(database)) {
            throw new Failure("there is no database at " + database + " yet: nothing to back up");
        }
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new Failure("the folder " + parent + " does not exist");
        }
        try {
            // Created empty first, owner-only and never over an existing file (VACUUM INTO accepts an empty one).
            Files.createFile(target, ownerOnly(target));
        } catch (FileAlreadyExistsException e) {
            throw new Failure(target + " already exists: a backup never overwrites a file, choose a new name");
        } catch (IOException e) {
            throw new Failure("cannot create " + target + ": " + reason(e));
        }
        try {
            vacuumInto(database, target);
            verify(target);
            return new Result(target, Files.size(target));
        } catch (SQLException | IOException | Failure e) {
            try {
                Files.deleteIfExists(target);
            } catch (IOException ignored) {
                // The message below names the file; the operator can remove it.
            }
            throw e instanceof Failure f ? f : new Failure("cannot back up " + database + ": " + reason(e));
        }
    }

    private static void vacuumInto(Path database, Path target) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout((int) BUSY_TIMEOUT.toMillis());
        // Never create a database where the bot has none.
        config.resetOpenMode(SQLiteOpenMode.CREATE);
        try (Connection source = DriverManager.getConnection("jdbc:sqlite:" + database, config.toProperties());
             PreparedStatement vacuum = source.prepareStatement("VACUUM INTO ?")) {
            vacuum.setString(1, target.toAbsolutePath().toString());
            vacuum.execute();
        }
    }

    private static void verify(Path target) throws SQLException, Failure {
        SQLiteConfig readOnly = new SQLiteConfig();
        readOnly.setReadOnly(true);
        try (Connection copy = DriverManager.getConnection("jdbc:sqlite:" + target, readOnly.toProperties());
             Statement statement = copy.createStatement();
             ResultSet result = statement.executeQuery("PRAGMA integrity_check(1)")) {
            String answer = result.next() ? result.getString(1) : "no answer";
            if (!"ok".equals(answer)) {
                throw new Failure("the copy failed its integrity check (" + answer + "); the database itself may be "
                        + "damaged: run 'mentor-bot report' or sqlite3's PRAGMA integrity_check on it");
            }
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path target) {
        Path parent = target.toAbsolutePath().getParent();
        boolean posix = parent != null && Files.getFileAttributeView(parent,
                java.nio.file.attribute.PosixFileAttributeView.class) != null;
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
    }

    private static String reason(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
