package dev.mentorbot.retrieval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps DJL, the tokenizer library under langchain4j's embeddings, offline and out of the home
 * directory. Left alone, DJL probes the cloud metadata address 169.254.169.254 whenever a
 * tokenizer is created and, on EC2, sends the instance id to a telemetry bucket; and it unpacks
 * its native library into {@code ~/.djl.ai}. The bot promises no traffic but the platforms' and
 * keeps its files in its data directory, so these properties are set before any DJL class runs.
 *
 * <p>DJL reads each setting as "environment variable, else system property". The offline switch
 * is also read from the plain property {@code offline}, which no environment variable overrides,
 * so telemetry stays off whatever the environment says. A {@code DJL_CACHE_DIR} set in the
 * environment still wins for the cache: an admin who sets it has chosen where the files go.
 */
public final class DjlSettings {
    private static final Logger LOG = LoggerFactory.getLogger(DjlSettings.class);

    /** The properties that switch off DJL's metadata probe, telemetry and downloads (see {@code ai.djl.util.Utils}). */
    static final Map<String, String> OFFLINE = Map.of(
            "offline", "true",
            "ai.djl.offline", "true",
            "OPT_OUT_TRACKING", "true");
    /** Where DJL keeps its files; the engine cache defaults to a folder inside it, set too to be sure. */
    static final String CACHE_DIR = "DJL_CACHE_DIR";
    static final String ENGINE_CACHE_DIR = "ENGINE_CACHE_DIR";
    /** JNA's property for where it unpacks its library, and the folder for it inside DJL's. */
    static final String JNA_TMPDIR = "jna.tmpdir";
    static final String JNA_FOLDER = "jna";
    /** The folder under the bot's data directory that holds DJL's files. */
    public static final String FOLDER = "djl";

    private static Path cacheDirectory;
    private static String jnaFolder;

    private DjlSettings() {
    }

    /**
     * Switches DJL's network use off. Cheap and idempotent: call it first thing in {@code main},
     * before anything can load the embeddings.
     */
    public static synchronized void offline() {
        OFFLINE.forEach(System::setProperty);
    }

    /**
     * Switches DJL's network use off and puts its files in {@value #FOLDER} under
     * {@code dataDirectory}, creating both owner-only when missing. When the folder cannot be made
     * (a read-only data directory), a temporary folder is used instead and removed at exit.
     */
    public static synchronized void cacheUnder(Path dataDirectory) {
        offline();
        Path folder = dataDirectory.toAbsolutePath().normalize().resolve(FOLDER);
        try {
            createOwnerOnly(folder.getParent());
            createOwnerOnly(folder);
            use(folder);
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Cannot keep the tokenizer's files in {} ({}); using a temporary folder", folder, e.getMessage());
            use(temporaryFolder());
        }
    }

    /**
     * Makes sure the settings are in force before a tokenizer is created: offline always, and a
     * cache folder if none was chosen (a temporary one, removed at exit, never the home directory).
     */
    static synchronized void ensure() {
        offline();
        if (cacheDirectory == null) {
            use(temporaryFolder());
        }
    }

    /** Where DJL's files go now, or null before {@link #cacheUnder} or {@link #ensure}. */
    public static synchronized Path cacheDirectory() {
        return cacheDirectory;
    }

    private static void use(Path folder) {
        cacheDirectory = folder;
        System.setProperty(CACHE_DIR, folder.toString());
        System.setProperty(ENGINE_CACHE_DIR, folder.toString());
        // DJL probes for CUDA through JNA, which unpacks its own native library into ~/.cache/JNA
        // unless told otherwise; JNA creates the folder when missing, so make it owner-only first.
        Path jna = folder.resolve(JNA_FOLDER);
        String chosen = System.getProperty(JNA_TMPDIR);
        if (chosen != null && !chosen.equals(jnaFolder)) {
            return; // an admin's -Djna.tmpdir wins
        }
        try {
            createOwnerOnly(jna);
            jnaFolder = jna.toString();
            System.setProperty(JNA_TMPDIR, jnaFolder);
        } catch (IOException e) {
            LOG.warn("Cannot keep JNA's files in {} ({}); JNA uses its default folder", jna, e.getMessage());
        }
    }

    private static void createOwnerOnly(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        Path parent = directory.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        boolean posix = parent != null && Files.getFileAttributeView(parent, PosixFileAttributeView.class) != null;
        FileAttribute<?>[] ownerOnly = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))}
                : new FileAttribute<?>[0];
        try {
            Files.createDirectory(directory, ownerOnly);
        } catch (FileAlreadyExistsException raced) {
            if (!Files.isDirectory(directory)) {
                throw raced;
            }
        }
    }

    /**
     * A fresh folder of our own: a fixed name in a shared /tmp could be planted by another user,
     * and DJL loads a native library from it.
     */
    private static Path temporaryFolder() {
        try {
            Path folder = Files.createTempDirectory("mentor-bot-djl-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(folder), "mentor-bot-djl-cleanup"));
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for the tokenizer", e);
        }
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // Best effort at exit: a left-over temporary folder is harmless.
        }
    }
}
