package dev.mentorbot.discord;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A button id: {@code command:action:owner:arg}. The one place button ids are made and read.
 * {@code owner} is the Discord user id a personal view belongs to, or {@code *} when anyone may
 * click; {@code arg} is the rest of the id and may itself contain colons.
 *
 * <p>Button ids come back from Discord as text a client could have forged, so {@link #parse}
 * accepts only the command/action pairs this adapter makes, and nothing longer than Discord's
 * 100 characters.
 *
 * @param command core command the click runs, e.g. {@code tick}
 * @param action  what the click does within it, e.g. {@code item}, {@code helpful}, {@code next} (a
 *                tick from a next view, which the next view replaces)
 * @param owner   the user id allowed to click, or {@link #ANYONE}
 * @param arg     the argument, e.g. {@code coding/python}
 */
public record ComponentId(String command, String action, String owner, String arg) {
    /** Discord's limit on a component's custom id. */
    public static final int MAX_LENGTH = 100;
    /** The owner of a view anyone may use. */
    public static final String ANYONE = "*";
    /** The argument of a button that takes none, or of a DM button for no guild. */
    public static final String NO_GUILD = "-";

    /** The pairs this adapter makes; anything else is not one of its buttons. */
    private static final Set<String> KNOWN = Set.of(
            "ask:related", "ask:share", "feedback:helpful", "feedback:not-helpful",
            "tick:item", "untick:item", "checklist:open", "roadmap:open",
            // A tick from a next view, which then shows the next step again; following a track; opening next.
            "tick:next", "follow:track", "next:open",
            // The confirming button of forget-me, in the member's private view.
            "forget-me:confirm",
            // The Stop button of a check-in.
            "checkin:off");
    private static final Pattern OWNER = Pattern.compile("\\*|\\d{1,20}");

    public ComponentId {
        if (!KNOWN.contains(command + ":" + action)) {
            throw new IllegalArgumentException("unknown button " + command + ":" + action);
        }
        if (!OWNER.matcher(owner).matches()) {
            throw new IllegalArgumentException("bad owner " + owner);
        }
        if (arg.isBlank()) {
            throw new IllegalArgumentException("empty argument");
        }
    }

    /** A button anyone may click. */
    public static ComponentId shared(String command, String action, String arg) {
        return new ComponentId(command, action, ANYONE, arg);
    }

    /** A button of a personal view: only {@code ownerId} may click it. */
    public static ComponentId personal(String command, String action, String ownerId, String arg) {
        return new ComponentId(command, action, ownerId, arg);
    }

    /** Reads a button id; empty for anything this adapter did not make (or that was tampered with). */
    public static Optional<ComponentId> parse(String customId) {
        if (customId == null || customId.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String[] parts = customId.split(":", 4);
        if (parts.length != 4) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ComponentId(parts[0], parts[1], parts[2], parts[3]));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The id as Discord stores it; empty when it would exceed Discord's 100 characters. */
    public Optional<String> format() {
        String id = command + ":" + action + ":" + owner + ":" + arg;
        return id.length() <= MAX_LENGTH ? Optional.of(id) : Optional.empty();
    }

    /** The longest argument that fits for this command, action and owner. */
    static int room(String command, String action, String owner) {
        return MAX_LENGTH - (command.length() + action.length() + owner.length() + 3);
    }

    /** Whether {@code userId} may use this button. */
    public boolean allows(String userId) {
        return owner.equals(ANYONE) || owner.equals(userId);
    }
}
