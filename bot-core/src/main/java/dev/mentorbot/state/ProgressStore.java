package dev.mentorbot.state;

import java.time.Instant;
import java.util.List;

/**
 * Checklist progress per member: which items are done and since when.
 *
 * <p>Only items a member has touched are stored; an item with no row is simply not done. The store
 * does not know which checklists and items exist: callers check ids against the content first.
 */
public interface ProgressStore {

    /**
     * Marks an item done or not done, unless a newer change is already stored: a write stamped
     * earlier than the stored one is ignored, so a retried or reordered platform event cannot undo
     * a later tick. Writes with equal stamps apply in arrival order.
     *
     * @return {@code true} if the write was applied, {@code false} if a newer state was kept
     */
    boolean set(MemberId member, String checklistId, String itemId, boolean done, Instant at);

    /**
     * Flips an item atomically (an untouched item becomes done) and returns its new state.
     * Concurrent toggles of the same item never lose one another.
     */
    boolean toggle(MemberId member, String checklistId, String itemId, Instant at);

    /** Returns the member's stored item states for one checklist, ordered by item id. */
    List<ItemProgress> checklist(MemberId member, String checklistId);

    /** Returns all of the member's stored item states, ordered by checklist id, then item id. */
    List<ItemProgress> all(MemberId member);
}
