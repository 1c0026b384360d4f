package dev.mentorbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * {@code health} against a real admin port: exit 0 and one line when {@code /readyz} says ready,
 * exit 1 and one line naming what is not ready, or that nothing answers.
 */
class HealthCliTest {

    @Test
    void readyIsExitZeroAndNotReadyIsExitOneEachWithOneLine() throws Exception {
        AtomicReference<List<AdminServer.Check>> checks = new AtomicReference<>(List.of(
                new AdminServer.Check("content", true, "830 passages indexed"),
                new AdminServer.Check("slack", true, "connected"),
                new AdminServer.Check("database", true, "reachable")));
        try (AdminServer admin = AdminServer.start("127.0.0.1", 0, checks::get,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), () -> null, Optional.empty())) {
            String port = Integer.toString(admin.port());

            Cli.Result ready = Cli.runWithEnv(Map.of(), "health", "--admin-port", port);
            assertThat(ready.exit()).as(ready.toString()).isZero();
            assertThat(ready.out()).isEqualTo("ready: content 830 passages indexed, slack connected, database reachable\n");
            assertThat(ready.err()).isEmpty();

            checks.set(List.of(new AdminServer.Check("content", true, "830 passages indexed"),
                    new AdminServer.Check("slack", false, "not connected"),
                    new AdminServer.Check("database", false, "no answer in 800 ms")));
            // The port can also come from the environment, as in the container image.
            Cli.Result notReady = Cli.runWithEnv(Map.of("MENTOR_BOT_ADMIN_PORT", port), "health");
            assertThat(notReady.exit()).as(notReady.toString()).isEqualTo(1);
            assertThat(notReady.out()).isEmpty();
            assertThat(notReady.err()).isEqualTo("not ready: slack not connected, database no answer in 800 ms\n");
            notReady.assertNoStackTrace();
        }
    }

    @Test
    void nothingListeningOrNoPortIsExitOneNeverTwo() throws Exception {
        int free;
        try (ServerSocket s = new ServerSocket(0)) {
            free = s.getLocalPort();
        }
        Cli.Result closed = Cli.runWithEnv(Map.of(), "health", "--admin-port", Integer.toString(free));
        Cli.Result noPort = Cli.runWithEnv(Map.of(), "health");

        assertThat(closed.exit()).as(closed.toString()).isEqualTo(1);
        assertThat(closed.err()).isEqualTo("not ready: cannot reach http://127.0.0.1:" + free
                + "/readyz: nothing is listening\n");
        assertThat(noPort.exit()).as("Docker reserves exit code 2 of a health check").isEqualTo(1);
        assertThat(noPort.err()).isEqualTo(
                "not ready: no admin port to ask; pass --admin-port or set MENTOR_BOT_ADMIN_PORT (admin.port)\n");
        closed.assertNoStackTrace();
        noPort.assertNoStackTrace();
    }
}
