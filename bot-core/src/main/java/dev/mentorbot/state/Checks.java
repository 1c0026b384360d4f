package dev.mentorbot.state;

/** Argument checks shared by the value types; the bounds match the column sizes of the schema. */
final class Checks {
    /** Platform names are short words: discord, slack, console. */
    static final int PLATFORM_MAX = 32;
    /** Workspace, guild and user ids of every platform fit with room to spare. */
    static final int MEMBER_PART_MAX = 128;
    /** Checklist and item ids come from content files. */
    static final int CONTENT_ID_MAX = 200;
    /** Source ids and section titles come from content files too, and can be longer. */
    static final int SOURCE_MAX = 300;
    /** A hex SHA-512 is 128 characters; any shorter hash fits. */
    static final int HASH_MAX = 128;
    /** Event keys are built by adapters from platform ids. */
    static final int EVENT_KEY_MAX = 300;

    private Checks() {
    }

    /** Returns {@code value} if it is non-blank, at most {@code max} characters and has no control characters. */
    static String text(String name, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        if (value.length() > max) {
            throw new IllegalArgumentException(name + " must be at most " + max + " characters, got " + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new IllegalArgumentException(name + " must not contain control characters");
            }
        }
        return value;
    }

    /** Like {@link #text} but lets {@code null} through. */
    static String optionalText(String name, String value, int max) {
        return value == null ? null : text(name, value, max);
    }

    static <T> T notNull(String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }
}
