package dev.mentorbot.discord;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the adapter connects, read from environment variables.
 *
 * @param token       the bot token ({@code DISCORD_TOKEN})
 * @param restBaseUrl the REST base URL when not Discord's own ({@code DISCORD_REST_URL}), e.g. a REST proxy
 * @param gatewayUrl  the gateway URL when not the one Discord names ({@code DISCORD_GATEWAY_URL})
 * @param compression whether the gateway stream is zlib-compressed ({@code DISCORD_GATEWAY_COMPRESSION}: zlib or none)
 * @param shardTotal  the total number of shards ({@code DISCORD_SHARD_COUNT}; -1 = ask Discord)
 * @param shardIds    the shards this process runs ({@code DISCORD_SHARD_IDS}, e.g. {@code 0,1} or {@code 0-3});
 *                    empty = all of them
 * @param deferAfter  how long to wait for the core before deferring an interaction
 *                    ({@code DISCORD_DEFER_AFTER_MS}; Discord's window is 3 seconds)
 * @param messageContent whether the bot asks for the privileged Message Content intent
 *                    ({@code DISCORD_MESSAGE_CONTENT}, default false) to answer messages without a
 *                    mention in the threads it opened; it must also be switched on in the Developer Portal
 */
public record DiscordSettings(String token, Optional<String> restBaseUrl, Optional<String> gatewayUrl,
                              boolean compression, int shardTotal, List<Integer> shardIds, Duration deferAfter,
                              boolean messageContent) {
    public static final String TOKEN = "DISCORD_TOKEN";
    public static final String REST_URL = "DISCORD_REST_URL";
    public static final String GATEWAY_URL = "DISCORD_GATEWAY_URL";
    public static final String GATEWAY_COMPRESSION = "DISCORD_GATEWAY_COMPRESSION";
    public static final String SHARD_COUNT = "DISCORD_SHARD_COUNT";
    public static final String SHARD_IDS = "DISCORD_SHARD_IDS";
    public static final String DEFER_AFTER = "DISCORD_DEFER_AFTER_MS";
    public static final String APPLICATION_ID = "DISCORD_APPLICATION_ID";
    public static final String MESSAGE_CONTENT = "DISCORD_MESSAGE_CONTENT";
    /** {@code DISCORD_DEFER_AFTER_MS} when unset. */
    public static final long DEFAULT_DEFER_AFTER_MS = 1500;
    /**
     * The longest defer delay used, whatever {@code DISCORD_DEFER_AFTER_MS} says: Discord waits 3 s
     * for an interaction's first response, and the deferral itself needs time to arrive.
     */
    public static final long MAX_DEFER_AFTER_MS = 2500;

    /** Where an admin gets the token; named in every token message. */
    public static final String PORTAL_STEP = "In the Discord Developer Portal (https://discord.com/developers/applications), "
            + "open your application, go to Bot, press Reset Token and copy it";

    public DiscordSettings {
        restBaseUrl = restBaseUrl.map(u -> u.endsWith("/") ? u : u + "/");
        shardIds = List.copyOf(shardIds);
    }

    /** Settings without the Message Content intent, the default. */
    public DiscordSettings(String token, Optional<String> restBaseUrl, Optional<String> gatewayUrl, boolean compression,
                           int shardTotal, List<Integer> shardIds, Duration deferAfter) {
        this(token, restBaseUrl, gatewayUrl, compression, shardTotal, shardIds, deferAfter, false);
    }

    /** Whether the environment turns Discord on. */
    public static boolean configured(Map<String, String> env) {
        return env.get(TOKEN) != null;
    }

    /**
     * Reads the settings.
     *
     * @throws IllegalArgumentException with a message naming the variable at fault
     */
    public static DiscordSettings fromEnv(Map<String, String> env) {
        String token = env.getOrDefault(TOKEN, "").strip();
        if (token.isEmpty()) {
            throw new IllegalArgumentException(TOKEN + " is not set. " + PORTAL_STEP + " into " + TOKEN + ".");
        }
        if (token.startsWith("Bot ")) {
            token = token.substring(4).strip();
        }
        String compression = value(env, GATEWAY_COMPRESSION).orElse("zlib").toLowerCase(java.util.Locale.ROOT);
        if (!compression.equals("zlib") && !compression.equals("none")) {
            throw new IllegalArgumentException(GATEWAY_COMPRESSION + " must be zlib or none, not '" + compression + "'.");
        }
        String count = value(env, SHARD_COUNT).orElse("1");
        int total = count.equalsIgnoreCase("auto") ? -1 : positive(SHARD_COUNT, count);
        List<Integer> ids = value(env, SHARD_IDS).map(s -> shardIds(s, total)).orElse(List.of());
        long defer = value(env, DEFER_AFTER).map(v -> (long) nonNegative(DEFER_AFTER, v)).orElse(DEFAULT_DEFER_AFTER_MS);
        String content = value(env, MESSAGE_CONTENT).orElse("false").toLowerCase(java.util.Locale.ROOT);
        if (!content.equals("true") && !content.equals("false")) {
            throw new IllegalArgumentException(MESSAGE_CONTENT + " must be true or false, not '" + content + "'.");
        }
        return new DiscordSettings(token, value(env, REST_URL).map(u -> url(REST_URL, u, "http")),
                value(env, GATEWAY_URL).map(u -> url(GATEWAY_URL, u, "ws")), compression.equals("zlib"), total, ids,
                Duration.ofMillis(deferAfterInForce(defer)), content.equals("true"));
    }

    /** The defer delay used for a configured {@code DISCORD_DEFER_AFTER_MS}: at most {@link #MAX_DEFER_AFTER_MS}. */
    public static long deferAfterInForce(long configuredMillis) {
        return Math.min(configuredMillis, MAX_DEFER_AFTER_MS);
    }

    /** A copy that asks for the Message Content intent, or not. */
    public DiscordSettings withMessageContent(boolean on) {
        return new DiscordSettings(token, restBaseUrl, gatewayUrl, compression, shardTotal, shardIds, deferAfter, on);
    }

    /** A copy with another defer delay (tests). */
    public DiscordSettings withDeferAfter(Duration delay) {
        return new DiscordSettings(token, restBaseUrl, gatewayUrl, compression, shardTotal, shardIds, delay,
                messageContent);
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static String url(String name, String value, String scheme) {
        if (!value.startsWith(scheme + "://") && !value.startsWith(scheme + "s://")) {
            throw new IllegalArgumentException(name + " must start with " + scheme + ":// or " + scheme + "s://, not '"
                    + value + "'.");
        }
        return value;
    }

    private static int positive(String name, String value) {
        int n = number(name, value);
        if (n < 1) {
            throw new IllegalArgumentException(name + " must be at least 1 (or auto), not " + value + ".");
        }
        return n;
    }

    private static int nonNegative(String name, String value) {
        int n = number(name, value);
        if (n < 0) {
            throw new IllegalArgumentException(name + " must not be negative, not " + value + ".");
        }
        return n;
    }

    private static int number(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'.");
        }
    }

    private static List<Integer> shardIds(String value, int total) {
        if (total == -1) {
            throw new IllegalArgumentException(SHARD_IDS + " needs " + SHARD_COUNT + " set to a number, not auto.");
        }
        List<Integer> ids = new ArrayList<>();
        for (String part : value.split(",")) {
            String p = part.strip();
            int dash = p.indexOf('-');
            int from = number(SHARD_IDS, dash < 0 ? p : p.substring(0, dash).strip());
            int to = dash < 0 ? from : number(SHARD_IDS, p.substring(dash + 1).strip());
            if (from < 0 || to < from || to >= total) {
                throw new IllegalArgumentException(SHARD_IDS + " must name shards 0 to " + (total - 1) + ", not '" + p + "'.");
            }
            for (int i = from; i <= to; i++) {
                if (!ids.contains(i)) {
                    ids.add(i);
                }
            }
        }
        return ids;
    }

    /** The token, never printed. */
    @Override
    public String toString() {
        return "DiscordSettings[rest=" + restBaseUrl.orElse("discord") + ", gateway=" + gatewayUrl.orElse("discord")
                + ", shards=" + shardIds + "/" + shardTotal + ", messageContent=" + messageContent + "]";
    }
}
