package dev.mentorbot.state;

import java.time.Instant;

/**
 * The stored state of one checklist item for one member.
 *
 * @param checklistId the checklist the item belongs to
 * @param itemId      the item, unique within its checklist
 * @param done        whether the member ticked it
 * @param updatedAt   when it was last ticked or unticked (millisecond precision)
 */
public record ItemProgress(String checklistId, String itemId, boolean done, Instant updatedAt) {
}
