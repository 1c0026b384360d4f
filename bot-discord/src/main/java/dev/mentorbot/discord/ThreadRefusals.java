package dev.mentorbot.discord;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;

/**
 * Channels where Discord refused to open a thread although JDA's cached permissions allowed it
 * (a stale cache, or a rule JDA does not model). For a while their mentions get a plain reply
 * without asking again: each refusal is a 403, and Discord's edge bans an IP for a time after
 * 10,000 invalid requests in 10 minutes, so a busy channel must not turn every mention into one.
 */
final class ThreadRefusals {
    /** Far more channels than one bot refuses at once; the cache evicts beyond this instead of growing. */
    private static final int MAX_CHANNELS = 10_000;

    private final Cache<String, Boolean> refused;

    ThreadRefusals(Clock clock, Duration memory) {
        this.refused = Caffeine.newBuilder().expireAfterWrite(memory).maximumSize(MAX_CHANNELS)
                .ticker(() -> clock.millis() * 1_000_000L).build();
    }

    /** Notes that Discord refused a thread in this channel just now. */
    void remember(String channelId) {
        refused.put(channelId, Boolean.TRUE);
    }

    /** Whether Discord refused a thread in this channel recently enough not to ask again. */
    boolean recentlyRefused(String channelId) {
        return refused.getIfPresent(channelId) != null;
    }
}
