package dev.mentorbot.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mentorbot.Fixtures;
import dev.mentorbot.ask.QuestionPrivacy;
import dev.mentorbot.command.CommandRequest;
import dev.mentorbot.command.Commands;
import dev.mentorbot.command.CoreContext;
import dev.mentorbot.command.Reply;
import dev.mentorbot.command.ReplyAction;
import dev.mentorbot.state.Database;
import dev.mentorbot.state.DatabaseSettings;
import dev.mentorbot.state.MemberId;
import dev.mentorbot.state.MutableClock;
import dev.mentorbot.state.Stores;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code checkin on|off} through {@link Commands#handle}, over a real SQLite file. */
class CheckinCommandTest {
    private static final MemberId ADA = new MemberId("discord", "g1", "42");

    @TempDir
    Path dataDir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private Database db;

    @BeforeEach
    void open() {
        db = Database.open(DatabaseSettings.sqlite(dataDir), clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Reply run(boolean enabled, MemberId member, String state) {
        Commands commands = Commands.standard(new CoreContext(Fixtures.kb(), Fixtures.lexical(), Stores.of(db),
                QuestionPrivacy.OFF, clock, enabled));
        return commands.handle(new CommandRequest("checkin", state == null ? Map.of() : Map.of("state", state), member));
    }

    @Test
    void offForTheInstallUntilTheAdminTurnsThemOn() {
        Reply refused = run(false, ADA, "on");
        assertThat(refused.text()).isEqualTo("Weekly check-ins are not turned on in this community. An admin can turn "
                + "them on with the checkins.enabled setting.");
        assertThat(db.checkins().optedIn(ADA)).isFalse();
    }

    @Test
    void onSaysWhenTheFirstComesAndOffStopsThem() {
        Reply on = run(true, ADA, "on");
        assertThat(on.text()).startsWith("Check-ins are on. Once a week (the first around Tuesday 8 December) I'll send "
                + "you a direct message");
        assertThat(on.ephemeral()).isTrue();
        assertThat(on.actions()).containsExactly(new ReplyAction("Stop check-ins", "checkin", "state", "off"));
        assertThat(db.checkins().optedIn(ADA)).isTrue();
        assertThat(run(true, ADA, "ON").text()).startsWith("Check-ins are already on");
        assertThat(run(true, ADA, null).text()).startsWith("Check-ins are on: I send you one a week.");

        // Stopping works even after the admin turned the feature off again.
        assertThat(run(false, ADA, "off").text()).startsWith("Check-ins are off: I won't send you any more.");
        assertThat(db.checkins().optedIn(ADA)).isFalse();
        assertThat(run(true, ADA, "off").text()).isEqualTo("You don't get check-ins, so there is nothing to stop.");
        assertThat(run(true, ADA, null).text()).startsWith("Check-ins are off for you. Turn them on with checkin on");
    }

    @Test
    void theConsoleHasNoDirectMessagesAndNonsenseIsRefused() {
        assertThat(run(true, MemberId.console("ada"), "on").text()).startsWith("Check-ins come as direct messages on "
                + "Discord or Slack");
        Reply nonsense = run(true, ADA, "weekly please");
        assertThat(nonsense.kind()).isEqualTo(Reply.Kind.ERROR);
        assertThat(nonsense.text()).isEqualTo("checkin takes on or off, not 'weekly please'.");
        assertThat(db.checkins().optedIn(ADA)).isFalse();
    }
}
