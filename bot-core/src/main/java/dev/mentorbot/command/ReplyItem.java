package dev.mentorbot.command;

/**
 * A line of a structured reply: a checklist item, a roadmap stage, a track or topic to choose.
 *
 * @param id     stable id adapters put in buttons ({@code checklist-id/item-id} for items)
 * @param text   what the item says
 * @param done   whether the member ticked it (false where it does not apply)
 * @param detail optional second line (stage goals, linked checklists); may be empty
 */
public record ReplyItem(String id, String text, boolean done, String detail) {
}
