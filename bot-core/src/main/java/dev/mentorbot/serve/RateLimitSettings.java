package dev.mentorbot.serve;

/**
 * How fast members may ask. Each member has a token bucket of {@code memberBurst} requests that
 * refills at {@code memberPerMinute}; all members together share a bucket of
 * {@code globalPerSecond}, which keeps the bot under the platforms' own send limits. That bucket
 * is spent only by replies posted into channels ({@link dev.mentorbot.command.Delivery#CHANNEL_POST});
 * answers to interactions (Discord callbacks, Slack response_url) are not bound by those limits.
 *
 * @param memberBurst      requests a member may send at once
 * @param memberPerMinute  sustained requests per member per minute
 * @param globalPerSecond  sustained channel posts per second for the whole bot
 */
public record RateLimitSettings(int memberBurst, int memberPerMinute, int globalPerSecond) {
    /** Generous for people (ticking a checklist quickly), tight for scripts. */
    public static final RateLimitSettings DEFAULTS = new RateLimitSettings(10, 30, 40);

    public RateLimitSettings {
        positive("member burst", memberBurst);
        positive("member requests per minute", memberPerMinute);
        positive("global requests per second", globalPerSecond);
    }

    private static void positive(String what, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(what + " must be at least 1, not " + value);
        }
    }
}
