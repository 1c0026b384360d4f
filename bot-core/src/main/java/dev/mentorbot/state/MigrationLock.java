package dev.mentorbot.state;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lets one process at a time migrate an SQLite file. Processes started together on a fresh data
 * directory would otherwise all run Flyway at once and wait in SQLite's busy handler for each
 * other's transactions; here they queue on an operating-system lock instead, and each one that
 * gets it checks again whether anything is left to do. The lock file stays in the directory
 * (removing it would let two processes lock two different files).
 */
final class MigrationLock implements AutoCloseable {
    /** File locks belong to the process: threads of one process queue here first. */
    private static final ReentrantLock IN_PROCESS = new ReentrantLock();
    private static final long POLL_MILLIS = 50;

    private final FileChannel channel;
    private final FileLock lock;

    private MigrationLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Waits up to {@code wait} for the lock on {@code lockFile}.
     *
     * @throws StateException DATABASE_BUSY when another process holds it all that time
     */
    static MigrationLock acquire(Path lockFile, Duration wait, String description) {
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            if (!IN_PROCESS.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw busy(description, wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy(description, wait);
        }
        FileChannel channel = null;
        boolean locked = false;
        try {
            channel = open(lockFile);
            FileLock lock;
            while ((lock = channel.tryLock()) == null) {
                if (System.nanoTime() > deadline) {
                    throw busy(description, wait);
                }
                Thread.sleep(POLL_MILLIS);
            }
            locked = true;
            return new MigrationLock(channel, lock);
        } catch (IOException e) {
            throw new StateException(StateException.Reason.NOT_WRITABLE,
                    "Cannot lock " + lockFile + " to migrate the " + description + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy(description, wait);
        } finally {
            if (!locked) {
                closeQuietly(channel);
                IN_PROCESS.unlock();
            }
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // Nothing was locked through it.
            }
        }
    }

    private static FileChannel open(Path lockFile) throws IOException {
        boolean posix = lockFile.getParent() != null
                && java.nio.file.Files.getFileAttributeView(lockFile.getParent(), PosixFileAttributeView.class) != null;
        if (posix && !java.nio.file.Files.exists(lockFile)) {
            return FileChannel.open(lockFile, java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    }

    private static StateException busy(String description, Duration wait) {
        return new StateException(StateException.Reason.DATABASE_BUSY,
                "Another process has been migrating the " + description + " for " + wait.toSeconds()
                        + " s; try again when it has finished.");
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // Closing the channel releases the lock in any case.
        } finally {
            IN_PROCESS.unlock();
        }
    }
}
