package dev.mentorbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class SlackManifestTest {
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    @Test
    void socketModeManifestHasExactlyTheScopesEventsAndCommand() throws Exception {
        JsonNode m = yaml.readTree(SlackManifest.yaml(Optional.empty(), false));
        assertThat(texts(m.at("/oauth_config/scopes/bot")))
                .containsExactly("app_mentions:read", "chat:write", "commands", "im:history");
        assertThat(texts(m.at("/settings/event_subscriptions/bot_events")))
                .containsExactly("app_home_opened", "app_mention", "message.im");
        assertThat(m.at("/features/slash_commands/0/command").asText()).isEqualTo("/mentor");
        assertThat(m.at("/settings/socket_mode_enabled").asBoolean()).isTrue();
        assertThat(m.at("/settings/interactivity/is_enabled").asBoolean()).isTrue();
        assertThat(m.at("/features/app_home/home_tab_enabled").asBoolean()).isTrue();
        assertThat(m.at("/settings/event_subscriptions/request_url").isMissingNode()).isTrue();
    }

    @Test
    void threadFollowUpsAskForChannelMessagesAndOnlyThen() throws Exception {
        JsonNode on = yaml.readTree(SlackManifest.yaml(Optional.empty(), true));
        assertThat(texts(on.at("/oauth_config/scopes/bot"))).containsExactly("app_mentions:read", "chat:write",
                "commands", "im:history", "channels:history", "groups:history");
        assertThat(texts(on.at("/settings/event_subscriptions/bot_events"))).containsExactly("app_home_opened",
                "app_mention", "message.im", "message.channels", "message.groups");
        JsonNode off = yaml.readTree(SlackManifest.yaml(Optional.empty(), false));
        assertThat(texts(off.at("/oauth_config/scopes/bot")))
                .containsExactly("app_mentions:read", "chat:write", "commands", "im:history");
        assertThat(texts(off.at("/settings/event_subscriptions/bot_events")))
                .containsExactly("app_home_opened", "app_mention", "message.im");
    }

    @Test
    void httpManifestPointsEverythingAtTheRequestUrl() throws Exception {
        String url = "https://bot.example.org/slack/events";
        JsonNode m = yaml.readTree(SlackManifest.yaml(Optional.of(url)));
        assertThat(m.at("/settings/socket_mode_enabled").asBoolean()).isFalse();
        assertThat(m.at("/settings/event_subscriptions/request_url").asText()).isEqualTo(url);
        assertThat(m.at("/settings/interactivity/request_url").asText()).isEqualTo(url);
        assertThat(m.at("/features/slash_commands/0/url").asText()).isEqualTo(url);
    }
}
