package dev.mentorbot.state;

/**
 * How much is stored about one member, per kind (or how much was deleted).
 *
 * @param progressItems  checklist items with a stored state
 * @param feedbackVotes  helpful / not-helpful votes, with the question text if it was kept
 * @param followedTracks the followed roadmap track: 0 or 1
 */
public record MemberDataCounts(int progressItems, int feedbackVotes, int followedTracks) {
    /** Returns the number of records of all kinds. */
    public int total() {
        return progressItems + feedbackVotes + followedTracks;
    }
}
