package dev.mentorbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AnswerRetriesTest {
    @Test
    void tokensNeverReachTheLog() {
        assertThat(AnswerRetries.safe("/api/v10/interactions/123/secret-token/callback"))
                .isEqualTo("/api/v10/interactions/123/{token}/callback");
        assertThat(AnswerRetries.safe("/api/v10/webhooks/1000/secret-token/messages/@original"))
                .isEqualTo("/api/v10/webhooks/1000/{token}/messages/@original");
        assertThat(AnswerRetries.safe("/api/v10/channels/500/messages")).isEqualTo("/api/v10/channels/500/messages");
    }

    @Test
    void aCallbackMayBeSentUntilThreeSecondsAfterTheInteractionWasCreated() {
        long created = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
        long id = (created - 1420070400000L) << 22 | 42;
        assertThat(AnswerRetries.callbackDeadline("/api/v10/interactions/" + id + "/tok/callback"))
                .contains(Instant.parse("2026-01-01T00:00:03Z"));
        assertThat(AnswerRetries.callbackDeadline("/api/v10/webhooks/1000/tok")).isEmpty();
    }
}
