package dev.mentorbot.discord;

import dev.mentorbot.platform.PlatformException;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * Whether Discord can be reached at all, asked before JDA logs in, and the one-line messages for
 * when it cannot. JDA reports an unreachable REST URL as an I/O error in its own log followed by an
 * exception whose message is a class name ({@code java.net.ConnectException}); an operator needs
 * the URL that failed and the variable that sets it.
 */
final class Reachability {
    /** Discord's own REST base URL, which JDA uses when {@code DISCORD_REST_URL} is not set. */
    static final String DEFAULT_REST_URL = "https://discord.com/api/v10/";
    /** How long the REST base may take to answer at all. */
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private Reachability() {
    }

    /**
     * Fails unless the REST base URL answers an HTTP request, whatever its status: a proxy or
     * Discord answering 401 or 404 is reachable, and JDA's login then says what is wrong.
     * Asks {@code GET gateway}, which Discord serves without a token.
     */
    static void checkRest(Optional<String> restBaseUrl) throws PlatformException {
        String base = restBaseUrl.orElse(DEFAULT_REST_URL);
        OkHttpClient client = new OkHttpClient.Builder().callTimeout(TIMEOUT).retryOnConnectionFailure(false).build();
        try {
            // Any answer will do.
            client.newCall(new Request.Builder().url(base + "gateway").get().build()).execute().close();
        } catch (IOException | IllegalArgumentException e) {
            throw restUnreachable(restBaseUrl, e);
        } finally {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }

    /** The message for a REST base URL that cannot be reached. */
    static PlatformException restUnreachable(Optional<String> restBaseUrl, Throwable why) {
        return new PlatformException("Cannot reach Discord's REST API at " + restBaseUrl.orElse(DEFAULT_REST_URL) + " ("
                + rootMessage(why) + "). Check the network, or " + DiscordSettings.REST_URL
                + (restBaseUrl.isPresent() ? "." : " if Discord is reached through a REST proxy."));
    }

    /** The message for a gateway URL whose WebSocket could not be opened. */
    static PlatformException gatewayUnreachable(String url, boolean configured, Throwable why) {
        return new PlatformException("Cannot connect to the Discord gateway at " + url + " (" + rootMessage(why)
                + "). Check the network, or " + DiscordSettings.GATEWAY_URL
                + (configured ? "." : " if Discord is reached through a gateway proxy."));
    }

    /** The innermost message: "Connection refused", not the wrappers' class names. */
    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getSimpleName() : t.getMessage();
    }
}
