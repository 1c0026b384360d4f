package dev.mentorbot.slack;

import dev.mentorbot.platform.PlatformException;
import java.util.Map;
import java.util.Optional;

/**
 * The Slack settings, from environment variables: {@code SLACK_BOT_TOKEN} always; Socket Mode
 * (the default) needs {@code SLACK_APP_TOKEN}; HTTP mode ({@code SLACK_HTTP_PORT} or
 * {@code --slack-http-port}) needs {@code SLACK_SIGNING_SECRET}. {@code SLACK_API_URL} points the
 * Web API elsewhere (GovSlack: {@code https://slack-gov.com/api/}, or a corporate proxy).
 * {@code MENTOR_BOT_SLACK_THREAD_FOLLOW_UPS=false} stops the bot from answering replies without a
 * mention in the threads it answered in.
 *
 * @param botToken      the bot token ({@code xoxb-...})
 * @param appToken      the app-level token for Socket Mode ({@code xapp-...}), empty in HTTP mode
 * @param signingSecret the signing secret for HTTP mode, empty in Socket Mode
 * @param httpPort      the HTTP port, empty for Socket Mode
 * @param httpHost      the address Jetty listens on in HTTP mode
 * @param apiUrl        the Web API base URL, ending with {@code /}
 * @param threadFollowUps whether replies without a mention in threads the bot answered in are
 *                      answered (they need the {@code message.channels} / {@code message.groups}
 *                      events, see {@link SlackManifest})
 */
public record SlackSettings(String botToken, String appToken, String signingSecret, Optional<Integer> httpPort,
                            String httpHost, String apiUrl, boolean threadFollowUps) {
    public static final String BOT_TOKEN = "SLACK_BOT_TOKEN";
    public static final String APP_TOKEN = "SLACK_APP_TOKEN";
    public static final String SIGNING_SECRET = "SLACK_SIGNING_SECRET";
    public static final String HTTP_PORT = "SLACK_HTTP_PORT";
    public static final String HTTP_HOST = "SLACK_HTTP_HOST";
    public static final String API_URL = "SLACK_API_URL";
    public static final String DEFAULT_API_URL = "https://slack.com/api/";
    public static final String THREAD_FOLLOW_UPS = "MENTOR_BOT_SLACK_THREAD_FOLLOW_UPS";

    /** Settings with thread follow-ups on, the default. */
    public SlackSettings(String botToken, String appToken, String signingSecret, Optional<Integer> httpPort,
                         String httpHost, String apiUrl) {
        this(botToken, appToken, signingSecret, httpPort, httpHost, apiUrl, true);
    }

    /**
     * Whether thread replies without a mention are answered: on unless the variable says
     * {@code false} (the config file's {@code slack.thread-follow-ups} arrives as this variable).
     */
    public static boolean threadFollowUps(Map<String, String> env) {
        return !"false".equalsIgnoreCase(get(env, THREAD_FOLLOW_UPS));
    }

    /**
     * Whether the environment asks for Slack at all: any of its tokens, the signing secret or the
     * HTTP port. A half-configured Slack is then named by {@link #fromEnv} with what it lacks,
     * instead of the bot saying that no platform is configured.
     */
    public static boolean configured(Map<String, String> env) {
        return java.util.stream.Stream.of(BOT_TOKEN, APP_TOKEN, SIGNING_SECRET, HTTP_PORT)
                .anyMatch(name -> !get(env, name).isEmpty());
    }

    /**
     * Reads and checks the settings.
     *
     * @param portOverride {@code --slack-http-port}, which wins over {@code SLACK_HTTP_PORT}
     * @throws PlatformException naming the variable that is missing or malformed
     */
    public static SlackSettings fromEnv(Map<String, String> env, Optional<Integer> portOverride) throws PlatformException {
        Optional<Integer> port = portOverride;
        if (port.isEmpty() && !get(env, HTTP_PORT).isEmpty()) {
            try {
                port = Optional.of(Integer.parseInt(get(env, HTTP_PORT)));
            } catch (NumberFormatException e) {
                throw new PlatformException(HTTP_PORT + " must be a port number, not '" + get(env, HTTP_PORT) + "'.");
            }
        }
        if (port.isPresent() && (port.get() < 0 || port.get() > 65535)) {
            throw new PlatformException("The Slack HTTP port must be between 0 and 65535, not " + port.get() + ".");
        }
        String app = get(env, APP_TOKEN);
        String secret = get(env, SIGNING_SECRET);
        String bot = get(env, BOT_TOKEN);
        if (bot.isEmpty()) {
            // Name what the mode the operator chose needs: advice for the other mode only confuses.
            throw new PlatformException(BOT_TOKEN + " is not set: " + (port.isPresent()
                    ? "HTTP mode needs " + BOT_TOKEN + " (the Bot User OAuth Token, xoxb-..., from OAuth & Permissions) "
                    + "and " + SIGNING_SECRET + " (the Signing Secret from Basic Information)."
                    : "Socket Mode needs " + BOT_TOKEN + " (the Bot User OAuth Token, xoxb-..., from OAuth & Permissions) "
                    + "and " + APP_TOKEN + " (an app-level token, xapp-..., with connections:write). For HTTP mode "
                    + "instead, set " + BOT_TOKEN + ", " + SIGNING_SECRET + " and " + HTTP_PORT + "."));
        }
        if (!bot.startsWith("xoxb-")) {
            throw new PlatformException(BOT_TOKEN + " does not look like a bot token: it starts with xoxb- "
                    + "(OAuth & Permissions, Bot User OAuth Token).");
        }
        if (port.isEmpty() && app.isEmpty() && !secret.isEmpty()) {
            throw new PlatformException(SIGNING_SECRET + " is set but no port: HTTP mode also needs " + HTTP_PORT
                    + " (or --slack-http-port). Socket Mode needs " + APP_TOKEN + " instead.");
        }
        if (port.isEmpty()) {
            if (app.isEmpty()) {
                throw new PlatformException(APP_TOKEN + " is not set: Socket Mode needs an app-level token (xapp-...) "
                        + "with the connections:write scope (Basic Information, App-Level Tokens). For HTTP mode "
                        + "instead, set " + HTTP_PORT + " and " + SIGNING_SECRET + ".");
            }
            if (!app.startsWith("xapp-")) {
                throw new PlatformException(APP_TOKEN + " does not look like an app-level token: it starts with xapp-.");
            }
        } else if (secret.isEmpty()) {
            throw new PlatformException(SIGNING_SECRET + " is not set: HTTP mode verifies every request with the "
                    + "Signing Secret from your app's Basic Information page.");
        }
        String host = get(env, HTTP_HOST).isEmpty() ? "0.0.0.0" : get(env, HTTP_HOST);
        String followUps = get(env, THREAD_FOLLOW_UPS);
        if (!followUps.isEmpty() && !followUps.equalsIgnoreCase("true") && !followUps.equalsIgnoreCase("false")) {
            throw new PlatformException(THREAD_FOLLOW_UPS + " must be true or false, not '" + followUps + "'.");
        }
        return new SlackSettings(bot, app, secret, port, host, apiUrl(get(env, API_URL)), threadFollowUps(env));
    }

    /** The Web API base URL with a trailing slash; the default when unset. */
    static String apiUrl(String configured) {
        if (configured == null || configured.isBlank()) {
            return DEFAULT_API_URL;
        }
        String url = configured.strip();
        return url.endsWith("/") ? url : url + "/";
    }

    /** Whether this is HTTP mode (otherwise Socket Mode). */
    public boolean httpMode() {
        return httpPort.isPresent();
    }

    private static String get(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null ? "" : v.strip();
    }

    @Override
    public String toString() {
        return "SlackSettings[mode=" + (httpMode() ? "http:" + httpPort.get() : "socket") + ", apiUrl=" + apiUrl
                + ", threadFollowUps=" + threadFollowUps + "]";
    }
}
