package dev.mentorbot.command;

/**
 * Where a member stands on the track they follow: what {@code next} says, in a form adapters and
 * {@code next --json} can read without parsing text. Items are counted once per track, even when
 * several stages link the same checklist.
 *
 * @param trackId     the roadmap id
 * @param trackTitle  the roadmap's title
 * @param stageId     the current stage (the first with unticked items), or empty when all are done
 * @param stageTitle  its title, or empty
 * @param stageNumber its 1-based place on the track, or 0 when all are done
 * @param stages      how many stages the track has
 * @param stagesDone  stages whose items are all ticked
 * @param done        distinct checklist items of the track ticked
 * @param total       distinct checklist items of the track
 */
public record NextStep(String trackId, String trackTitle, String stageId, String stageTitle, int stageNumber,
                       int stages, int stagesDone, int done, int total) {
    /** Whether every item of the track is ticked. */
    public boolean finished() {
        return stageNumber == 0;
    }

    /** Done items as a whole percentage, rounded down (so 99.9% is never shown as 100%). */
    public int percent() {
        return total == 0 ? 100 : done * 100 / total;
    }
}
