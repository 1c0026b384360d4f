package dev.mentorbot.state;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares the data directory and the SQLite file before SQLite sees them: SQLite would create the
 * file with the process umask (often world-readable), and the file holds what members asked.
 */
final class SqliteFiles {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteFiles.class);
    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    /** SQLite's companion files; they hold recent writes, so they deserve the same protection. */
    private static final String[] COMPANION_SUFFIXES = {"-wal", "-shm", "-journal"};

    private SqliteFiles() {
    }

    /**
     * Makes sure the directory exists and is writable and the database file exists (a new one
     * owner-only); returns the file. An existing file is not touched here: see {@link #restrict}.
     */
    static Path prepare(Path dataDirectory, String fileName) {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        createDirectory(directory);
        checkWritable(directory);
        Path file = directory.resolve(fileName);
        createFile(file);
        return file;
    }

    private static void createDirectory(Path directory) {
        if (Files.isDirectory(directory)) {
            return;
        }
        if (Files.exists(directory)) {
            throw notWritable(directory, "it exists but is not a directory");
        }
        try {
            Path parent = directory.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.createDirectory(directory, ownerOnly(directory.getParent(), OWNER_DIRECTORY));
            LOG.info("Created data directory {}", directory);
        } catch (FileAlreadyExistsException raced) {
            if (!Files.isDirectory(directory)) {
                throw notWritable(directory, "it exists but is not a directory");
            }
        } catch (IOException e) {
            throw notWritable(directory, reason(e));
        }
    }

    /** Tries a real write: permission bits say little for root, read-only mounts or ACLs. */
    private static void checkWritable(Path directory) {
        try {
            Path probe = Files.createTempFile(directory, ".write-check-", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw notWritable(directory, reason(e));
        }
    }

    private static void createFile(Path file) {
        if (Files.exists(file)) {
            if (!Files.isRegularFile(file)) {
                throw new StateException(StateException.Reason.NOT_WRITABLE,
                        "The database path " + file + " exists but is not a file: move it away or choose another data directory.");
            }
            return;
        }
        try {
            Files.createFile(file, ownerOnly(file.getParent(), OWNER_FILE));
        } catch (FileAlreadyExistsException raced) {
            // Another process created it a moment ago: use theirs.
        } catch (IOException e) {
            throw notWritable(file.getParent(), reason(e));
        }
    }

    /**
     * Narrows the database file's permissions (and its companions') to its owner; a file someone
     * else owns is left alone. Called once the file is known to be mentor-bot's.
     */
    static void restrict(Path file) {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        for (String suffix : COMPANION_SUFFIXES) {
            Path companion = file.resolveSibling(file.getFileName() + suffix);
            if (Files.exists(companion)) {
                narrow(companion);
            }
        }
        narrow(file);
    }

    private static void narrow(Path file) {
        try {
            Set<PosixFilePermission> current = Files.getPosixFilePermissions(file);
            if (!OWNER_FILE.containsAll(current)) {
                Files.setPosixFilePermissions(file, OWNER_FILE);
                LOG.warn("Narrowed permissions of {} to rw------- (it was {})", file, PosixFilePermissions.toString(current));
            }
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("Could not narrow permissions of {}: {}", file, e.getMessage());
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path where, Set<PosixFilePermission> permissions) {
        boolean posix = where != null && Files.getFileAttributeView(where, PosixFileAttributeView.class) != null;
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)} : new FileAttribute<?>[0];
    }

    private static StateException notWritable(Path directory, String reason) {
        return new StateException(StateException.Reason.NOT_WRITABLE,
                "Cannot use the data directory " + directory + ": " + reason
                        + ". Choose a directory this user can create and write to.");
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "a parent directory is missing";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file is in the way";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
