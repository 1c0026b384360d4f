package dev.mentorbot.state;

import java.time.Instant;
import java.util.Optional;

/**
 * The roadmap track each member follows: at most one per member.
 *
 * <p>Like {@link ProgressStore}, the store does not know which roadmaps exist: callers check the
 * id against the content first, and read a stored id against the current content (a track removed
 * from the content is simply not followed any more).
 */
public interface TrackStore {

    /** Returns the id of the roadmap the member follows, if any. */
    Optional<String> followed(MemberId member);

    /** Makes {@code roadmapId} the member's track, replacing the one they followed before. */
    void follow(MemberId member, String roadmapId, Instant at);

    /**
     * Stops following any track.
     *
     * @return {@code true} if the member followed one
     */
    boolean unfollow(MemberId member);
}
