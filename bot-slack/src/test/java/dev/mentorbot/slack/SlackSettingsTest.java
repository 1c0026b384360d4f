package dev.mentorbot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mentorbot.platform.PlatformException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlackSettingsTest {
    @TempDir
    Path dir;

    @Test
    void missingOrMalformedVariablesAreNamed() {
        assertThatThrownBy(() -> SlackSettings.fromEnv(Map.of(), Optional.empty()))
                .isInstanceOf(PlatformException.class).hasMessageStartingWith("SLACK_BOT_TOKEN is not set");
        assertThatThrownBy(() -> SlackSettings.fromEnv(Map.of("SLACK_BOT_TOKEN", "xoxb-1"), Optional.empty()))
                .hasMessageStartingWith("SLACK_APP_TOKEN is not set");
        assertThatThrownBy(() -> SlackSettings.fromEnv(Map.of("SLACK_BOT_TOKEN", "xoxp-1", "SLACK_APP_TOKEN", "xapp-1"),
                Optional.empty())).hasMessageStartingWith("SLACK_BOT_TOKEN does not look like a bot token");
        assertThatThrownBy(() -> SlackSettings.fromEnv(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_HTTP_PORT", "3000"),
                Optional.empty())).hasMessageStartingWith("SLACK_SIGNING_SECRET is not set");
        assertThatThrownBy(() -> SlackSettings.fromEnv(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_HTTP_PORT", "web"),
                Optional.empty())).hasMessageStartingWith("SLACK_HTTP_PORT must be a port number");
    }

    @Test
    void aMissingBotTokenIsNamedWithWhatTheChosenModeNeeds() {
        assertThatThrownBy(() -> SlackSettings.fromEnv(Map.of("SLACK_SIGNING_SECRET", "s"), Optional.of(3000)))
                .hasMessage("SLACK_BOT_TOKEN is not set: HTTP mode needs SLACK_BOT_TOKEN (the Bot User OAuth Token, "
                        + "xoxb-..., from OAuth & Permissions) and SLACK_SIGNING_SECRET (the Signing Secret from Basic "
                        + "Information).");
        assertThatThrownBy(() -> SlackSettings.fromEnv(Map.of("SLACK_HTTP_PORT", "3000"), Optional.empty()))
                .hasMessageContaining("HTTP mode needs SLACK_BOT_TOKEN").hasMessageNotContaining("SLACK_APP_TOKEN");
        assertThatThrownBy(() -> SlackSettings.fromEnv(Map.of("SLACK_APP_TOKEN", "xapp-1"), Optional.empty()))
                .hasMessageStartingWith("SLACK_BOT_TOKEN is not set: Socket Mode needs SLACK_BOT_TOKEN")
                .hasMessageContaining("SLACK_APP_TOKEN");
        assertThatThrownBy(() -> SlackSettings.fromEnv(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "s"),
                Optional.empty())).hasMessageStartingWith("SLACK_SIGNING_SECRET is set but no port: HTTP mode also "
                + "needs SLACK_HTTP_PORT (or --slack-http-port)");
    }

    @Test
    void anySlackVariableTurnsSlackOnSoThatWhatIsMissingIsNamed() {
        assertThat(SlackSettings.configured(Map.of())).isFalse();
        assertThat(SlackSettings.configured(Map.of("SLACK_API_URL", "https://slack-gov.com/api/"))).isFalse();
        assertThat(SlackSettings.configured(Map.of("SLACK_SIGNING_SECRET", "s"))).isTrue();
        assertThat(SlackSettings.configured(Map.of("SLACK_HTTP_PORT", "3000"))).isTrue();
        assertThat(SlackSettings.configured(Map.of("SLACK_APP_TOKEN", "xapp-1"))).isTrue();
    }

    @Test
    void modesAndApiUrl() throws Exception {
        SlackSettings socket = SlackSettings.fromEnv(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xapp-1"),
                Optional.empty());
        assertThat(socket.httpMode()).isFalse();
        assertThat(socket.apiUrl()).isEqualTo("https://slack.com/api/");
        SlackSettings http = SlackSettings.fromEnv(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "s",
                "SLACK_API_URL", "https://slack-gov.com/api"), Optional.of(3000));
        assertThat(http.httpMode()).isTrue();
        assertThat(http.httpPort()).contains(3000);
        assertThat(http.apiUrl()).isEqualTo("https://slack-gov.com/api/");
        assertThat(http.toString()).doesNotContain("xoxb");
    }

    @Test
    void rejectedTokensAreOneMessageNamingTheVariable() throws Exception {
        try (FakeSlackApi api = new FakeSlackApi(); TestCore core = new TestCore(dir)) {
            api.badToken = "xoxb-rejected";
            SlackAdapter bad = SlackAdapter.fromEnv(Map.of("SLACK_BOT_TOKEN", "xoxb-rejected", "SLACK_APP_TOKEN", "xapp-1",
                    "SLACK_API_URL", api.apiUrl()), core.commands::handle, core.commands.specs(), Optional.empty());
            assertThatThrownBy(bad::start).isInstanceOf(PlatformException.class)
                    .hasMessageStartingWith("SLACK_BOT_TOKEN was rejected by Slack (invalid_auth)");
            bad.close();
            api.badToken = "xapp-rejected";
            SlackAdapter badApp = SlackAdapter.fromEnv(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xapp-rejected",
                    "SLACK_API_URL", api.apiUrl()), core.commands::handle, core.commands.specs(), Optional.empty());
            assertThatThrownBy(badApp::start).isInstanceOf(PlatformException.class)
                    .hasMessageStartingWith("SLACK_APP_TOKEN was rejected by Slack (invalid_auth)");
            badApp.close();
            SlackAdapter unreachable = SlackAdapter.fromEnv(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xapp-1",
                    "SLACK_API_URL", "http://127.0.0.1:1/api/"), core.commands::handle, core.commands.specs(), Optional.empty());
            assertThatThrownBy(unreachable::start).isInstanceOf(PlatformException.class)
                    .hasMessageStartingWith("Cannot reach the Slack Web API at http://127.0.0.1:1/api/");
            unreachable.close();
        }
    }
}
