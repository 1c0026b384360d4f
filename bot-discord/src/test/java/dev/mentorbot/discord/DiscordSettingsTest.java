package dev.mentorbot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiscordSettingsTest {
    @Test
    void defaultsAreOneShardOnDiscordItself() {
        DiscordSettings s = DiscordSettings.fromEnv(Map.of("DISCORD_TOKEN", " abc "));
        assertThat(s.token()).isEqualTo("abc");
        assertThat(s.restBaseUrl()).isEmpty();
        assertThat(s.gatewayUrl()).isEmpty();
        assertThat(s.compression()).isTrue();
        assertThat(s.shardTotal()).isEqualTo(1);
        assertThat(s.shardIds()).isEmpty();
        assertThat(s.deferAfter()).isEqualTo(Duration.ofMillis(1500));
        assertThat(s.toString()).doesNotContain("abc");
    }

    @Test
    void theMessageContentIntentIsOffUnlessAskedFor() {
        assertThat(DiscordSettings.fromEnv(Map.of("DISCORD_TOKEN", "abc")).messageContent()).isFalse();
        assertThat(DiscordSettings.fromEnv(Map.of("DISCORD_TOKEN", "abc", "DISCORD_MESSAGE_CONTENT", "true"))
                .messageContent()).isTrue();
        assertThatThrownBy(() -> DiscordSettings.fromEnv(Map.of("DISCORD_TOKEN", "abc", "DISCORD_MESSAGE_CONTENT", "yes")))
                .hasMessageContaining("DISCORD_MESSAGE_CONTENT must be true or false");
    }

    @Test
    void proxiesAndShards() {
        DiscordSettings s = DiscordSettings.fromEnv(Map.of("DISCORD_TOKEN", "abc", "DISCORD_REST_URL",
                "http://proxy:8080/api/v10", "DISCORD_GATEWAY_URL", "wss://gw.example", "DISCORD_SHARD_COUNT", "8",
                "DISCORD_SHARD_IDS", "0-2, 5", "DISCORD_GATEWAY_COMPRESSION", "none"));
        assertThat(s.restBaseUrl()).contains("http://proxy:8080/api/v10/");
        assertThat(s.gatewayUrl()).contains("wss://gw.example");
        assertThat(s.shardIds()).isEqualTo(List.of(0, 1, 2, 5));
        assertThat(s.compression()).isFalse();
        assertThat(DiscordSettings.fromEnv(Map.of("DISCORD_TOKEN", "a", "DISCORD_SHARD_COUNT", "auto")).shardTotal())
                .isEqualTo(-1);
    }

    @Test
    void badValuesNameTheVariable() {
        assertThatThrownBy(() -> DiscordSettings.fromEnv(Map.of("DISCORD_TOKEN", " ")))
                .hasMessageContaining("DISCORD_TOKEN").hasMessageContaining("Developer Portal");
        assertThatThrownBy(() -> DiscordSettings.fromEnv(Map.of("DISCORD_TOKEN", "a", "DISCORD_SHARD_COUNT", "x")))
                .hasMessageContaining("DISCORD_SHARD_COUNT");
        assertThatThrownBy(() -> DiscordSettings.fromEnv(Map.of("DISCORD_TOKEN", "a", "DISCORD_SHARD_COUNT", "2",
                "DISCORD_SHARD_IDS", "3"))).hasMessageContaining("DISCORD_SHARD_IDS");
        assertThatThrownBy(() -> DiscordSettings.fromEnv(Map.of("DISCORD_TOKEN", "a", "DISCORD_REST_URL", "proxy")))
                .hasMessageContaining("DISCORD_REST_URL");
    }
}
