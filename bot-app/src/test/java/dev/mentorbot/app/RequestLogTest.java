package dev.mentorbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mentorbot.ask.QuestionPrivacy;
import dev.mentorbot.command.CommandRequest;
import dev.mentorbot.command.Commands;
import dev.mentorbot.command.CoreContext;
import dev.mentorbot.serve.CoreMetrics;
import dev.mentorbot.serve.RateLimitSettings;
import dev.mentorbot.serve.RateLimiter;
import dev.mentorbot.serve.ServingCore;
import dev.mentorbot.state.Database;
import dev.mentorbot.state.DatabaseSettings;
import dev.mentorbot.state.MemberId;
import dev.mentorbot.state.Stores;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the log says about members' requests: one line each at debug, never their words, nothing at info. */
class RequestLogTest {
    private static final String SECRET_WORDS = "what is kaggle";

    @TempDir
    Path dir;

    private List<JsonNode> logLinesWhileAsking(String level) throws Exception {
        TestContent content = new TestContent(dir.resolve("content-" + level)).kaggleAnswer("Kaggle hosts competitions.");
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (Database db = Database.open(DatabaseSettings.sqlite(dir.resolve("data-" + level)))) {
            MentorRuntime rt = MentorRuntime.start(content.root(), List.of(), true);
            ServingCore core = new ServingCore(Commands.standard(new CoreContext(rt.kb(), rt.engine(), Stores.of(db),
                    QuestionPrivacy.FULL, Clock.systemUTC())), new RateLimiter(RateLimitSettings.DEFAULTS),
                    CoreMetrics.discarded());
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            Logging.configure("json", level);
            core.handle(new CommandRequest("ask", Map.of("question", SECRET_WORDS), new MemberId("slack", "T1", "U1")));
        } finally {
            Logging.configure("text", "warn");
            System.setErr(original);
        }
        List<JsonNode> lines = new ArrayList<>();
        for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                assertThat(line).doesNotContainIgnoringCase(SECRET_WORDS);
                lines.add(Cli.JSON.readTree(line));
            }
        }
        return lines;
    }

    @Test
    void debugLogsOneLinePerRequestWithoutTheMembersWords() throws Exception {
        List<JsonNode> lines = logLinesWhileAsking("debug");
        assertThat(lines).filteredOn(l -> l.path("formattedMessage").asText().startsWith("served "))
                .singleElement()
                .satisfies(l -> assertThat(l.path("formattedMessage").asText())
                        .startsWith("served platform=slack command=ask reply=ANSWER sources="));
    }

    @Test
    void infoLogsNothingPerRequest() throws Exception {
        assertThat(logLinesWhileAsking("info")).noneMatch(l -> l.path("formattedMessage").asText().startsWith("served"));
    }
}
