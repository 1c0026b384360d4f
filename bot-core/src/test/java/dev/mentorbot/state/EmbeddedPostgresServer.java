package dev.mentorbot.state;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server per test JVM, started from the zonky binaries (no Docker), shared by
 * the test classes and stopped by zonky's shutdown hook. Each test gets its own database.
 *
 * <p>The application user must log in with a password (scram-sha-256), so wrong passwords are
 * really refused; only the superuser that zonky uses for its readiness probe is trusted.
 */
public final class EmbeddedPostgresServer {
    static final String USER = "mentor";
    static final String PASSWORD = "correct-horse-battery-staple";

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private EmbeddedPostgresServer() {
    }

    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder()
                        .setPGStartupWait(Duration.ofSeconds(60))
                        .setDataDirectoryCustomizer(EmbeddedPostgresServer::requirePasswords)
                        .start();
                superuser("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return server;
    }

    /** Creates an empty database owned by the application user and returns settings for it. */
    public static DatabaseSettings.Postgres newDatabase() {
        String name = "state_" + DATABASES.incrementAndGet();
        superuser("CREATE DATABASE " + name + " OWNER " + USER);
        return DatabaseSettings.postgres(jdbcUrl(name), USER, PASSWORD);
    }

    static String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + server().getPort() + "/" + database;
    }

    private static void superuser(String sql) {
        try (Connection connection = server().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static void requirePasswords(File dataDirectory) {
        String hba = String.join("\n",
                "local all all trust",
                "host all postgres 127.0.0.1/32 trust",
                "host all postgres ::1/128 trust",
                "host all all 127.0.0.1/32 scram-sha-256",
                "host all all ::1/128 scram-sha-256",
                "");
        try {
            Files.writeString(dataDirectory.toPath().resolve("pg_hba.conf"), hba);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
