package dev.mentorbot.state;

import java.util.List;

/**
 * Helpful / not-helpful votes on answers.
 *
 * <p>A member has one vote per answer (question hash + source): voting again replaces the earlier
 * vote, so a member cannot inflate a source's counts by clicking twice.
 */
public interface FeedbackStore {

    /** Records (or replaces) the member's vote on the answer. */
    void record(Feedback feedback);

    /** Returns the votes on answers from one source; zero counts if there are none. */
    FeedbackCounts countsFor(String sourceId);

    /** Returns the votes per source, for every source that has any, ordered by source id. */
    List<FeedbackCounts> countsPerSource();
}
