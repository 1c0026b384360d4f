package dev.mentorbot.slack;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The state a button or checkbox group carries, in one format parsed in one place:
 * {@code command:action:owner:arg}. {@code command} is the core command it leads to, {@code action}
 * what the control does (or, for checkbox groups, which group of ten items it holds), {@code owner}
 * the Slack user the control belongs to ({@code *} for anyone) and {@code arg} the rest (a question,
 * a topic id, a passage id), which may itself contain colons.
 *
 * <p>Values come back from Slack in interaction payloads, so they are parsed defensively: a forged
 * or truncated value is simply rejected.
 *
 * @param command core command name
 * @param action  what the control does
 * @param owner   the user the control is for, or {@link #ANYONE}
 * @param arg     the argument
 */
public record ActionValue(String command, String action, String owner, String arg) {
    /** Owner of controls anyone may use (related questions, feedback). */
    public static final String ANYONE = "*";

    private static final Pattern WORD = Pattern.compile("[a-z][a-z0-9-]{0,30}");
    private static final Pattern OWNER = Pattern.compile("\\*|[A-Z0-9]{1,40}");

    public ActionValue {
        if (!WORD.matcher(command).matches() || !WORD.matcher(action).matches() || !OWNER.matcher(owner).matches()) {
            throw new IllegalArgumentException("bad action value parts");
        }
        arg = arg == null ? "" : arg;
    }

    /** The value as sent to Slack. */
    public String encode() {
        return command + ":" + action + ":" + owner + ":" + arg;
    }

    /** Parses a value that came back from Slack; empty when it is not one of ours. */
    public static Optional<ActionValue> parse(String value) {
        if (value == null || value.length() > 2000) {
            return Optional.empty();
        }
        String[] parts = value.split(":", 4);
        if (parts.length != 4) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ActionValue(parts[0], parts[1], parts[2], parts[3]));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether this user may use the control: personal controls only by their owner. */
    public boolean allows(String userId) {
        return ANYONE.equals(owner) || owner.equals(userId);
    }
}
