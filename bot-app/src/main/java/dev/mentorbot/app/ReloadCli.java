package dev.mentorbot.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mentorbot.app.config.Setting;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code reload}: asks a running bot, through its admin port, to rebuild its content index. Sends
 * the admin token from the same setting the bot reads ({@code $MENTOR_BOT_ADMIN_TOKEN} or
 * {@code admin.token}), so one variable configures both ends.
 */
@Command(name = "reload", mixinStandardHelpOptions = true,
        description = "Make a running bot reload its content (needs the bot's admin port).")
final class ReloadCli implements Callable<Integer> {
    @ParentCommand
    MentorBotCli root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--admin-port", paramLabel = "PORT",
            description = "The running bot's admin port. Default: $MENTOR_BOT_ADMIN_PORT.")
    Integer adminPort;

    @Option(names = "--admin-host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Where the bot runs. Default: ${DEFAULT-VALUE}.")
    String adminHost;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (adminPort == null || adminPort < 1) {
            err.println("No admin port: pass --admin-port (the port the bot was started with), or set "
                    + "MENTOR_BOT_ADMIN_PORT or admin.port in the config file.");
            return MentorBotCli.EXIT_BAD_INPUT;
        }
        URI uri = URI.create("http://" + adminHost + ":" + adminPort + "/reload");
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody())
                    .timeout(Duration.ofMinutes(5));
            Optional<String> token = root.configuration().get(Setting.ADMIN_TOKEN).filter(t -> !t.isBlank());
            token.ifPresent(t -> request.header("Authorization", AdminToken.header(t)));
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = new ObjectMapper().readTree(response.body());
            String message = body.path("message").asText(response.body());
            if (response.statusCode() == 200) {
                out.println(message);
                return 0;
            }
            err.println(message);
            if (response.statusCode() == 401 && token.isEmpty()) {
                err.println("Set MENTOR_BOT_ADMIN_TOKEN to the bot's admin token and try again.");
            }
            return MentorBotCli.EXIT_FAILED;
        } catch (IOException e) {
            String why = e instanceof java.net.ConnectException ? "nothing is listening there"
                    : e instanceof java.net.http.HttpTimeoutException ? "no answer in time"
                    : e.getMessage() == null ? "the connection failed" : e.getMessage();
            err.println("Cannot reach the bot at " + uri + ": " + why + ". Is it running with --admin-port "
                    + adminPort + "?");
            return MentorBotCli.EXIT_FAILED;
        }
    }
}
