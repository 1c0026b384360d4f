package dev.mentorbot.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mentorbot.app.config.Setting;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code health}: asks a running bot's {@code /readyz} whether it is ready, for container health
 * checks (so the image needs no curl). Exit 0 when ready, 1 otherwise, with one line saying why.
 * Every failure is 1, even a missing port: Docker reserves exit code 2 of a health check.
 */
@Command(name = "health", mixinStandardHelpOptions = true,
        description = "Check a running bot's readiness (its /readyz) for container health checks: exit 0 when ready, "
                + "1 otherwise, with one line.")
final class HealthCli implements Callable<Integer> {
    /** Under Docker's default 30 s and the 5 s the recipes give a check, with room for the JVM's start. */
    static final Duration TIMEOUT = Duration.ofSeconds(3);

    @ParentCommand
    MentorBotCli root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--admin-port", paramLabel = "PORT",
            description = "The running bot's admin port. Default: $MENTOR_BOT_ADMIN_PORT (admin.port).")
    Integer adminPort;

    @Option(names = "--admin-host", paramLabel = "HOST",
            description = "Where the bot runs. Default: $MENTOR_BOT_ADMIN_BIND, or 127.0.0.1 when it binds every address.")
    String adminHost;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (adminPort == null || adminPort < 1) {
            err.println("not ready: no admin port to ask; pass --admin-port or set MENTOR_BOT_ADMIN_PORT (admin.port)");
            return MentorBotCli.EXIT_FAILED;
        }
        URI uri = URI.create("http://" + host() + ":" + adminPort + "/readyz");
        try {
            // HttpURLConnection rather than HttpClient: this runs in a fresh JVM every 30 s, and it
            // loads a fraction of the classes (no selector thread, no HTTP/2).
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection(Proxy.NO_PROXY);
            connection.setConnectTimeout((int) TIMEOUT.toMillis());
            connection.setReadTimeout((int) TIMEOUT.toMillis());
            int status = connection.getResponseCode();
            InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream();
            String text = body == null ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8);
            connection.disconnect();
            boolean ready = status == 200;
            String line = (ready ? "ready: " : "not ready: ") + summary(status, text, uri, ready);
            (ready ? out : err).println(line);
            return ready ? 0 : MentorBotCli.EXIT_FAILED;
        } catch (IOException e) {
            String why = e instanceof ConnectException ? "nothing is listening"
                    : e instanceof SocketTimeoutException ? "no answer in " + TIMEOUT.toSeconds() + " s"
                    : e.getMessage() == null ? "the connection failed" : e.getMessage();
            err.println("not ready: cannot reach " + uri + ": " + why);
            return MentorBotCli.EXIT_FAILED;
        }
    }

    /** The admin bind address, unless it is a wildcard: then loopback reaches it. */
    private String host() {
        if (adminHost != null && !adminHost.isBlank()) {
            return adminHost.strip();
        }
        String bind = root.configuration().get(Setting.ADMIN_BIND).orElse("127.0.0.1");
        return List.of("0.0.0.0", "::", "[::]").contains(bind) ? "127.0.0.1" : bind.contains(":") ? "[" + bind + "]" : bind;
    }

    /**
     * The checks in one line: when ready, each part's detail; when not, only the parts that are
     * not ready (what an operator reading {@code docker inspect} needs).
     */
    static String summary(int status, String body, URI uri, boolean ready) {
        try {
            JsonNode checks = new ObjectMapper().readTree(body).path("checks");
            List<String> parts = new ArrayList<>();
            checks.properties().forEach(c -> {
                if (ready || !c.getValue().path("ready").asBoolean()) {
                    parts.add(c.getKey() + " " + c.getValue().path("detail").asText());
                }
            });
            if (!parts.isEmpty()) {
                return String.join(", ", parts);
            }
        } catch (IOException e) {
            // Not the bot's JSON (another service on the port?): the status says enough.
        }
        return "HTTP " + status + " from " + uri;
    }
}
