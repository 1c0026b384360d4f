package dev.mentorbot.ask;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mentorbot.Fixtures;
import dev.mentorbot.command.AnswerVisibility;
import dev.mentorbot.command.CommandRequest;
import dev.mentorbot.command.Commands;
import dev.mentorbot.command.CoreContext;
import dev.mentorbot.command.Reply;
import dev.mentorbot.command.ReplyAction;
import dev.mentorbot.command.Surface;
import dev.mentorbot.state.Database;
import dev.mentorbot.state.DatabaseSettings;
import dev.mentorbot.state.MemberId;
import dev.mentorbot.state.Stores;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one visibility rule for answers, through {@link Commands#handle} over a real SQLite file. */
class AnswerVisibilityTest {
    private static final String QUESTION = "how much do deep learning engineers earn?";
    private static final MemberId ADA = new MemberId("slack", "T1", "U1");

    @TempDir
    Path dataDir;
    private Database db;

    @BeforeEach
    void open() {
        db = Database.open(DatabaseSettings.sqlite(dataDir));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Commands commands(AnswerVisibility visibility) {
        return Commands.standard(new CoreContext(Fixtures.kb(), Fixtures.lexical(), Stores.of(db), QuestionPrivacy.FULL,
                Clock.systemUTC(), false, visibility));
    }

    private static CommandRequest slash(Map<String, String> options) {
        return new CommandRequest("ask", options, ADA, Surface.SLACK);
    }

    private long asked() {
        return db.questions().topQuestions(Instant.EPOCH, 10).stream().mapToLong(q -> q.asked()).sum();
    }

    @Test
    void aSlashCommandAnswerIsForTheAskerWithAShareButton() {
        Reply answer = commands(AnswerVisibility.PRIVATE).handle(slash(Map.of("question", QUESTION)));

        assertThat(answer.kind()).isEqualTo(Reply.Kind.ANSWER);
        assertThat(answer.ephemeral()).isTrue();
        assertThat(answer.actions()).containsExactly(new ReplyAction("Share in channel", "ask", "share", QUESTION));
    }

    @Test
    void sharingAnswersForEveryoneWithoutLoggingTheQuestionTwice() {
        Commands commands = commands(AnswerVisibility.PRIVATE);
        Reply first = commands.handle(slash(Map.of("question", QUESTION)));
        Reply shared = commands.handle(slash(Map.of("question", QUESTION, AskCommand.SHARE, "channel")));

        assertThat(shared.ephemeral()).isFalse();
        assertThat(shared.text()).isEqualTo(first.text());
        assertThat(shared.actions()).as("nothing left to share").isEmpty();
        assertThat(asked()).isEqualTo(1);
    }

    @Test
    void mentionsTheConsoleAndPublicInstallsAnswerWhereAsked() {
        Commands privately = commands(AnswerVisibility.PRIVATE);
        assertThat(privately.handle(slash(Map.of("question", QUESTION)).postedToChannel()).ephemeral())
                .as("a mention is answered in its thread").isFalse();
        assertThat(privately.handle(new CommandRequest("ask", Map.of("question", QUESTION), MemberId.console("ada")))
                .ephemeral()).isFalse();
        Reply declined = privately.handle(slash(Map.of("question", "best pizza topping?")));
        assertThat(declined.ephemeral()).as("a decline is private too").isTrue();
        assertThat(declined.actions()).as("and has nothing to share").isEmpty();

        Reply open = commands(AnswerVisibility.PUBLIC).handle(slash(Map.of("question", QUESTION)));
        assertThat(open.ephemeral()).isFalse();
        assertThat(open.actions()).isEmpty();
    }
}
