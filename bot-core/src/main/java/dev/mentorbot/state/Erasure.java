package dev.mentorbot.state;

import java.sql.ResultSet;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes deleted rows gone from the files, not only from queries. On SQLite every connection runs
 * with {@code secure_delete} on (see {@link SqliteBackend}), so a delete overwrites the row's bytes
 * with zeros; but in WAL mode the old page versions, row included, stay in the {@code -wal} file
 * until a checkpoint copies the new pages into the database. {@link #flush} runs that checkpoint
 * and truncates the log. PostgreSQL keeps dead tuples until VACUUM reuses their space; that is the
 * server's business, described in the README.
 */
final class Erasure {
    private static final Logger LOG = LoggerFactory.getLogger(Erasure.class);

    private final Backend.Kind kind;
    private final Jdbc jdbc;

    Erasure(Backend.Kind kind, Jdbc jdbc) {
        this.kind = kind;
        this.jdbc = jdbc;
    }

    /**
     * Pushes an erasure that has committed out of SQLite's write-ahead log. A failure here does
     * not undo the erasure, so it is logged, not thrown: the rows are deleted and zeroed, and the
     * next checkpoint (the next erasure's, or SQLite's own) removes the old copies from the log.
     */
    void flush(String what) {
        if (kind != Backend.Kind.SQLITE) {
            return;
        }
        try {
            boolean complete = jdbc.run("flush the erased " + what + " out of the write-ahead log", connection -> {
                try (Statement statement = connection.createStatement();
                     ResultSet result = statement.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
                    // One row: busy (1 when a reader or writer kept the checkpoint from finishing), log frames, checkpointed.
                    return result.next() && result.getInt(1) == 0;
                }
            });
            if (!complete) {
                LOG.warn("The erased {} stay in the write-ahead log until the next checkpoint: another process was using the database",
                        what);
            }
        } catch (StateException e) {
            LOG.warn("The erased {} stay in the write-ahead log until the next checkpoint: {}", what, e.getMessage());
        }
    }
}
