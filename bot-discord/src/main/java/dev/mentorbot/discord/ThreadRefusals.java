package dev.mentorbot.discord;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Channels where Discord refused to open a thread although JDA's cached permissions allowed it
 * (a stale cache, or a rule JDA does not model). For a while their mentions get a plain reply
 * without asking again: each refusal is a 403, and Discord's edge bans an IP for a time after
 * 10,000 invalid requests in 10 minutes, so a busy channel must not turn every mention into one.
 */
final class ThreadRefusals {
    /** Far more channels than one bot refuses at once; past this the memory starts afresh rather than grow. */
    private static final int MAX_CHANNELS = 10_000;

    private final Clock clock;
    private final Duration memory;
    private final Map<String, Instant> refusedUntil = new ConcurrentHashMap<>();

    ThreadRefusals(Clock clock, Duration memory) {
        this.clock = clock;
        this.memory = memory;
    }

    /** Notes that Discord refused a thread in this channel just now. */
    void remember(String channelId) {
        Instant now = clock.instant();
        if (refusedUntil.size() >= MAX_CHANNELS) {
            refusedUntil.values().removeIf(until -> !until.isAfter(now));
            if (refusedUntil.size() >= MAX_CHANNELS) {
                refusedUntil.clear();
            }
        }
        refusedUntil.put(channelId, now.plus(memory));
    }

    /** Whether Discord refused a thread in this channel recently enough not to ask again. */
    boolean recentlyRefused(String channelId) {
        Instant until = refusedUntil.get(channelId);
        if (until == null) {
            return false;
        }
        if (until.isAfter(clock.instant())) {
            return true;
        }
        refusedUntil.remove(channelId, until);
        return false;
    }
}
