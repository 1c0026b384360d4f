package dev.mentorbot.discord;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import net.dv8tion.jda.api.Permission;

/** The invite URL, with exactly the scopes and permissions the bot needs. */
public final class DiscordInvite {
    /**
     * See channels, read the history a reply points at, send messages, embed answers, and open a
     * public thread on a mention and answer in it (so a busy channel is not flooded).
     */
    public static final EnumSet<Permission> PERMISSIONS = EnumSet.of(Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND,
            Permission.CREATE_PUBLIC_THREADS, Permission.MESSAGE_SEND_IN_THREADS, Permission.MESSAGE_EMBED_LINKS,
            Permission.MESSAGE_HISTORY);
    /** {@code bot} joins the server; {@code applications.commands} allows the slash commands. */
    public static final String SCOPES = "bot+applications.commands";

    private DiscordInvite() {
    }

    /** The invite URL for an application id. */
    public static String url(String applicationId) {
        return "https://discord.com/oauth2/authorize?client_id=" + applicationId + "&scope=" + SCOPES
                + "&permissions=" + Permission.getRaw(PERMISSIONS);
    }

    /**
     * The application id a bot token belongs to: its first part is the bot user's id in base64,
     * which is the application id for every application made since 2016. Nothing is sent anywhere.
     */
    public static Optional<String> applicationIdOf(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String t = token.strip().startsWith("Bot ") ? token.strip().substring(4) : token.strip();
        int dot = t.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        try {
            String id = new String(Base64.getUrlDecoder().decode(pad(t.substring(0, dot))), StandardCharsets.US_ASCII);
            return id.matches("\\d{15,20}") ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String pad(String b64) {
        return b64 + "=".repeat((4 - b64.length() % 4) % 4);
    }
}
