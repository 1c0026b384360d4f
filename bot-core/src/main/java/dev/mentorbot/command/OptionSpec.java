package dev.mentorbot.command;

/**
 * One option of a command.
 *
 * @param name        option name as members type it
 * @param description one line of help
 * @param type        what values it takes
 * @param required    whether the command needs it
 */
public record OptionSpec(String name, String description, Type type, boolean required) {
    /** Kinds of values; adapters offer choices for the ones that come from content. */
    public enum Type {
        /** Free text, such as a question. */
        TEXT,
        /** A roadmap track id; choices come from the roadmaps. */
        TRACK,
        /** A checklist topic id; choices come from the checklists. */
        TOPIC,
        /**
         * A checklist item; choices are the items of the checklist named by the command's
         * {@code topic} option, as {@code checklist-id/item-id}.
         */
        ITEM,
        /** {@code on} or {@code off}. */
        SWITCH
    }
}
