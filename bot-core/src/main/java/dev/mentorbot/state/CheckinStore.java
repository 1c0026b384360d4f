package dev.mentorbot.state;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Who asked for a weekly check-in, and which check-ins were claimed for sending.
 *
 * <p>A member's weeks count from the moment they opted in: week 1 is due seven days later. A
 * check-in is sent only by the caller whose {@link #claim} succeeds, so several instances sharing
 * one database never send the same week twice.
 */
public interface CheckinStore {

    /**
     * Opts the member in, counting weeks from {@code at}.
     *
     * @return {@code false} if they were already opted in (their week count is kept)
     */
    boolean optIn(MemberId member, Instant at);

    /**
     * Opts the member out; their sent check-ins are forgotten with it.
     *
     * @return {@code true} if they were opted in
     */
    boolean optOut(MemberId member);

    /** Whether the member is opted in. */
    boolean optedIn(MemberId member);

    /**
     * Members of {@code platforms} due a check-in at {@code now}: opted in at least a week ago, with
     * no claim for their current week. Oldest opt-ins first, at most {@code limit}.
     */
    List<DueCheckin> due(Set<String> platforms, Instant now, int limit);

    /**
     * Claims the member's check-in of {@code week} for sending.
     *
     * @return {@code true} for exactly one caller per member and week, whichever instance it runs in
     */
    boolean claim(MemberId member, long week, Instant at);

    /** Gives a claim back after a send that failed for a reason that may pass, so it is tried again. */
    void release(MemberId member, long week);

    /** Deletes claims older than {@code before}, which no instance will look at again; returns how many. */
    int purgeClaimsBefore(Instant before);

    /**
     * A check-in that is due.
     *
     * @param member     who gets it
     * @param week       the member's week number (1 for the first week after opting in)
     * @param optedInAt  when they opted in
     */
    record DueCheckin(MemberId member, long week, Instant optedInAt) {
    }
}
