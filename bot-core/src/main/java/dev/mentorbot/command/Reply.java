package dev.mentorbot.command;

import dev.mentorbot.retrieval.SourceRef;
import java.util.List;

/**
 * A platform-neutral reply. Adapters only render it: text and title as the platform formats
 * them, sources as a footer, related questions and items as buttons or lines.
 *
 * @param kind      what the reply is, so adapters can style it
 * @param title     heading, may be empty
 * @param text      main text (plain, no platform markup)
 * @param sources   citations for the text
 * @param related   questions the member may ask next
 * @param items     checklist items, roadmap stages or choices
 * @param ephemeral true when only the asking member should see it (personal views, errors)
 */
public record Reply(Kind kind, String title, String text, List<SourceRef> sources, List<String> related,
                    List<ReplyItem> items, boolean ephemeral) {
    /** What a reply is. */
    public enum Kind {
        ANSWER, DECLINED, ROADMAP, CHECKLIST, LIST, HELP, ERROR,
        /** The member is over their rate limit: told once, politely. */
        SLOW_DOWN,
        /**
         * Still over the limit after being told: platforms send nothing where they can stay
         * silent (messages, mentions) and show the text only where they must answer (interactions).
         */
        SILENT
    }

    public Reply {
        title = title == null ? "" : title;
        text = text == null ? "" : text;
        sources = List.copyOf(sources);
        related = List.copyOf(related);
        items = List.copyOf(items);
    }

    /** A polite error shown only to the member who caused it. */
    public static Reply error(String message) {
        return new Reply(Kind.ERROR, "", message, List.of(), List.of(), List.of(), true);
    }

    /** A rate-limit reply: the notice the first time, a silent one while the limit lasts. */
    public static Reply limited(String message, boolean firstTime) {
        return new Reply(firstTime ? Kind.SLOW_DOWN : Kind.SILENT, "", message, List.of(), List.of(), List.of(), true);
    }

    /** Whether the bot answered (false for declines, errors and rate limits). */
    public boolean answered() {
        return switch (kind) {
            case DECLINED, ERROR, SLOW_DOWN, SILENT -> false;
            default -> true;
        };
    }

    /** Whether platforms that can stay silent should send nothing for this reply. */
    public boolean silent() {
        return kind == Kind.SILENT;
    }
}
