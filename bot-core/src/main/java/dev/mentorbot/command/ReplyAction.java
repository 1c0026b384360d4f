package dev.mentorbot.command;

/**
 * A button a reply offers besides its items: running {@code command} with one option, e.g.
 * "Follow this track" runs {@code follow} with {@code track = from-zero}. Adapters render it as a
 * button and turn a click into that request; the console prints replies without it.
 *
 * @param label   what the button says
 * @param command the core command a click runs
 * @param option  the option it sets, or empty for none
 * @param value   the option's value, or empty for none
 * @param danger  true for an action that cannot be undone (deleting the member's data): platforms
 *                style it as dangerous
 */
public record ReplyAction(String label, String command, String option, String value, boolean danger) {
    public ReplyAction {
        option = option == null ? "" : option;
        value = value == null ? "" : value;
    }

    /** An action that can be undone. */
    public ReplyAction(String label, String command, String option, String value) {
        this(label, command, option, value, false);
    }

    /** An action that cannot be undone, styled as dangerous. */
    public static ReplyAction dangerous(String label, String command, String option, String value) {
        return new ReplyAction(label, command, option, value, true);
    }

    /** An action that runs a command without options. */
    public static ReplyAction run(String label, String command) {
        return new ReplyAction(label, command, "", "");
    }
}
