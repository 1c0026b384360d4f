package dev.mentorbot.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where the SQLite driver unpacks its native library: a folder of this process's own under the
 * data directory ({@code native/sqlite/PID}), not the shared {@code /tmp}. The driver deletes
 * "old" libraries it finds in its folder that no live process has locked; processes started
 * together in one folder race each other over those deletions and log ERROR stack traces. Folders
 * of processes that are gone are removed at the next start. An {@code org.sqlite.tmpdir} set by
 * the admin is left alone.
 */
final class NativeFiles {
    /** The driver's own system property for its unpacking folder. */
    static final String SQLITE_TMPDIR = "org.sqlite.tmpdir";
    /** Under the data directory. */
    static final String FOLDER = "native";

    private static boolean chosen;

    private NativeFiles() {
    }

    /** Points the driver at a folder of this process's own under {@code dataDirectory}; call before it loads. */
    static synchronized void under(Path dataDirectory) {
        if (chosen || System.getProperty(SQLITE_TMPDIR) != null) {
            return;
        }
        Path root = dataDirectory.toAbsolutePath().normalize().resolve(FOLDER).resolve("sqlite");
        try {
            createOwnerOnly(root.getParent());
            createOwnerOnly(root);
            removeFoldersOfEndedProcesses(root);
            Path mine = root.resolve(Long.toString(ProcessHandle.current().pid()));
            createOwnerOnly(mine);
            System.setProperty(SQLITE_TMPDIR, mine.toString());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(mine), "mentor-bot-native-cleanup"));
        } catch (IOException | UncheckedIOException e) {
            // The driver's default (the temporary directory) still works; the data directory's own
            // problem, if it has one, is reported when the database file is opened.
        }
        chosen = true;
    }

    private static void removeFoldersOfEndedProcesses(Path root) throws IOException {
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(root)) {
            for (Path folder : folders) {
                String name = folder.getFileName().toString();
                if (name.matches("\\d{1,18}") && ProcessHandle.of(Long.parseLong(name)).isEmpty()) {
                    deleteQuietly(folder);
                }
            }
        }
    }

    private static void createOwnerOnly(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        Path parent = directory.getParent();
        boolean posix = parent != null && Files.getFileAttributeView(parent, PosixFileAttributeView.class) != null;
        try {
            if (posix) {
                Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectory(directory);
            }
        } catch (FileAlreadyExistsException raced) {
            if (!Files.isDirectory(directory)) {
                throw raced;
            }
        }
    }

    /** Best effort: another process may be sweeping the same folder, and a left-over one is harmless. */
    private static void deleteQuietly(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // See above.
        }
    }
}
