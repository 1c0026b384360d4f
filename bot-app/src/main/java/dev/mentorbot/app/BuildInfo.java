package dev.mentorbot.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * What this build is: the version and the git commit it was built from, as the build wrote them
 * into {@code build.properties}. A build from a source archive has no commit: it reads "unknown".
 *
 * @param version the release, e.g. 0.1.0
 * @param commit  the abbreviated commit id, or "unknown"
 */
record BuildInfo(String version, String commit) {
    static final String UNKNOWN = "unknown";

    /** The build information on the classpath. */
    static BuildInfo current() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read build.properties", e);
        }
        return of(properties);
    }

    /** Reads the two values; missing or never filled in (a "${...}" left by the build) means unknown. */
    static BuildInfo of(Properties properties) {
        return new BuildInfo(value(properties, "version"), value(properties, "commit"));
    }

    private static String value(Properties properties, String key) {
        String v = properties.getProperty(key, "").strip();
        return v.isEmpty() || v.contains("${") ? UNKNOWN : v;
    }

    /** The line {@code --version} prints. */
    String line() {
        return "mentor-bot " + version + " (commit " + commit + ")";
    }
}
