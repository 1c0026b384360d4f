package dev.mentorbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * What a database outage looks like on stderr: the pool and the PostgreSQL driver log failures
 * with exceptions (the driver through java.util.logging), and each event must stay one line in
 * the bot's format, with the causes' messages kept.
 */
class OneLineLogTest {
    @Test
    void libraryFailuresWithStackTracesAreOneLineEachInTheBotsFormat() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.err;
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            Logging.configure("text", "warn");
            SQLException outage = new SQLException("An I/O error occurred while sending to the backend.", "08006",
                    new ConnectException("Connection refused"));
            LoggerFactory.getLogger("com.zaxxer.hikari.pool.PoolBase")
                    .warn("mentor-bot-postgresql - Failed to validate connection", new RuntimeException("wrapped", outage));
            java.util.logging.Logger.getLogger("org.postgresql.Driver")
                    .log(java.util.logging.Level.WARNING, "Connection error: ", outage);
        } finally {
            Logging.configure("text", "warn");
            System.setErr(original);
        }
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} WARN  c\\.z\\.[a-z.]*PoolBase - .*")
                .endsWith("Failed to validate connection (java.lang.RuntimeException: wrapped Caused by: "
                        + "java.sql.SQLException: An I/O error occurred while sending to the backend. Caused by: "
                        + "java.net.ConnectException: Connection refused)");
        assertThat(lines.get(1)).contains("WARN  org.postgresql.Driver - Connection error:")
                .contains("(java.sql.SQLException: An I/O error occurred");
        assertThat(String.join("\n", lines)).doesNotContain("\tat ");
    }
}
