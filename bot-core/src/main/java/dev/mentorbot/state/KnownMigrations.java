package dev.mentorbot.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.api.MigrationVersion;

/**
 * The versions of the migrations this build ships in {@code db/migration}, read from the classpath
 * (a folder while developing, the jar in production). Start-up compares them with the versions a
 * database records, before anything is written, to tell a current database from one that needs
 * migrating or one a newer release has already moved on.
 */
final class KnownMigrations {
    private static final String FOLDER = "db/migration";
    /** Flyway's versioned migrations: V, the version, two underscores, a description. */
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__.+\\.sql");
    /** Any migration of this build, to find the folder from: V1 is never removed. */
    private static final String ANCHOR = FOLDER + "/V1__create_state_tables.sql";

    private static List<MigrationVersion> versions;

    private KnownMigrations() {
    }

    /** The shipped versions, oldest first; never empty. */
    static synchronized List<MigrationVersion> versions() {
        if (versions == null) {
            versions = scan();
        }
        return versions;
    }

    /** The newest version this build knows. */
    static MigrationVersion latest() {
        List<MigrationVersion> all = versions();
        return all.get(all.size() - 1);
    }

    private static List<MigrationVersion> scan() {
        URL anchor = KnownMigrations.class.getClassLoader().getResource(ANCHOR);
        if (anchor == null) {
            throw new IllegalStateException("the migrations are missing from the classpath: " + ANCHOR);
        }
        TreeSet<MigrationVersion> found = new TreeSet<>();
        for (String name : fileNames(anchor)) {
            Matcher m = VERSIONED.matcher(name);
            if (m.matches()) {
                found.add(MigrationVersion.fromVersion(m.group(1).replace('_', '.')));
            }
        }
        return List.copyOf(new ArrayList<>(found));
    }

    private static List<String> fileNames(URL anchor) {
        try {
            if (anchor.getProtocol().equals("jar")) {
                JarURLConnection connection = (JarURLConnection) anchor.openConnection();
                connection.setUseCaches(false);
                List<String> names = new ArrayList<>();
                try (JarFile jar = connection.getJarFile()) {
                    Enumeration<JarEntry> entries = jar.entries();
                    while (entries.hasMoreElements()) {
                        String name = entries.nextElement().getName();
                        if (name.startsWith(FOLDER + "/") && name.indexOf('/', FOLDER.length() + 1) < 0) {
                            names.add(name.substring(FOLDER.length() + 1));
                        }
                    }
                }
                return names;
            }
            try (Stream<Path> files = Files.list(Path.of(anchor.toURI()).getParent())) {
                return files.map(p -> p.getFileName().toString()).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the shipped migrations", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot list the shipped migrations", e);
        }
    }
}
