package dev.mentorbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class DiscordInviteTest {
    @Test
    void inviteHasTheBotAndCommandScopesAndSixPermissions() {
        assertThat(DiscordInvite.url("123456789012345678")).isEqualTo("https://discord.com/oauth2/authorize?"
                + "client_id=123456789012345678&scope=bot+applications.commands&permissions=309237730304");
    }

    @Test
    void applicationIdComesFromTheTokensFirstPart() {
        String first = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("123456789012345678".getBytes(StandardCharsets.US_ASCII));
        assertThat(DiscordInvite.applicationIdOf(first + ".abc.def")).contains("123456789012345678");
        assertThat(DiscordInvite.applicationIdOf("Bot " + first + ".abc.def")).contains("123456789012345678");
        assertThat(DiscordInvite.applicationIdOf("garbage")).isEmpty();
        assertThat(DiscordInvite.applicationIdOf("!!!.x.y")).isEmpty();
        assertThat(DiscordInvite.applicationIdOf(null)).isEmpty();
    }
}
