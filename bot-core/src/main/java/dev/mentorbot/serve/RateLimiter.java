package dev.mentorbot.serve;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.mentorbot.state.MemberId;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Token buckets per member and one for the whole bot. A member over the limit is told once;
 * further requests while the limit lasts are silent, so a flood gets one reply, not one per
 * message. Buckets of members who went quiet expire, so memory stays bounded.
 */
public final class RateLimiter {
    /** What to do with one request. */
    public enum Decision {
        /** Serve it. */
        ALLOW,
        /** Refuse it and tell the member to slow down (the first refusal). */
        SLOW_DOWN,
        /** Refuse it without a word (the member was already told). */
        SILENT;

        /** Whether the request may be served. */
        public boolean allowed() {
            return this == ALLOW;
        }
    }

    /** Which bucket refused a request, for metrics. */
    public enum Scope { MEMBER, GLOBAL }

    /** A decision and, when refused, which limit refused it. */
    public record Verdict(Decision decision, Scope scope) {
    }

    /** The verdict for a request that may be served. */
    public static final Verdict ALLOWED = new Verdict(Decision.ALLOW, null);

    private final RateLimitSettings settings;
    private final Bucket global;
    private final Cache<MemberId, MemberBucket> members;

    public RateLimiter(RateLimitSettings settings) {
        this.settings = settings;
        this.global = Bucket.builder().addLimit(Bandwidth.builder().capacity(settings.globalPerSecond())
                .refillGreedy(settings.globalPerSecond(), Duration.ofSeconds(1)).build()).build();
        // A bucket left alone this long has refilled completely, so dropping it loses nothing.
        Duration refillTime = Duration.ofMillis(60_000L * settings.memberBurst() / settings.memberPerMinute() + 1_000);
        this.members = Caffeine.newBuilder().expireAfterAccess(refillTime).maximumSize(100_000).build();
    }

    /** The settings in force. */
    public RateLimitSettings settings() {
        return settings;
    }

    /** Takes a token for this member's request that will be posted to a channel, or says how to refuse it. */
    public Verdict admit(MemberId member) {
        return admit(member, true);
    }

    /**
     * Takes a token for this member's request, or says how to refuse it.
     *
     * @param channelPost whether the reply is posted into a channel: only those spend the global
     *                    bucket, which keeps the bot under the platforms' posting limits; answers to
     *                    interactions are not bound by them
     */
    public Verdict admit(MemberId member, boolean channelPost) {
        MemberBucket mine = members.get(member, m -> new MemberBucket(Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(settings.memberBurst())
                        .refillGreedy(settings.memberPerMinute(), Duration.ofMinutes(1)).build()).build()));
        if (!mine.bucket.tryConsume(1)) {
            return mine.refuse(Scope.MEMBER);
        }
        if (channelPost && !global.tryConsume(1)) {
            // The member did nothing wrong: give their token back.
            mine.bucket.addTokens(1);
            return mine.refuse(Scope.GLOBAL);
        }
        mine.told.set(false);
        return ALLOWED;
    }

    /** Seconds until this member may ask again (at least 1), for the slow-down notice. */
    public long secondsUntilNext() {
        return Math.max(1, (long) Math.ceil(60.0 / settings.memberPerMinute()));
    }

    private record MemberBucket(Bucket bucket, AtomicBoolean told) {
        MemberBucket(Bucket bucket) {
            this(bucket, new AtomicBoolean());
        }

        Verdict refuse(Scope scope) {
            return new Verdict(told.compareAndSet(false, true) ? Decision.SLOW_DOWN : Decision.SILENT, scope);
        }
    }
}
