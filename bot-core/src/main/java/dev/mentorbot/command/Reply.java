package dev.mentorbot.command;

import dev.mentorbot.retrieval.SourceRef;
import java.util.List;
import java.util.Optional;

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
 * @param actions   buttons besides the items, e.g. "Follow this track"
 * @param step      the member's place on their track, for replies about it ({@code next}, {@code follow})
 */
public record Reply(Kind kind, String title, String text, List<SourceRef> sources, List<String> related,
                    List<ReplyItem> items, boolean ephemeral, List<ReplyAction> actions, Optional<NextStep> step) {
    /** What a reply is. */
    public enum Kind {
        ANSWER, DECLINED, ROADMAP, CHECKLIST, LIST, HELP, ERROR,
        /**
         * The member's next step on their track: the items are checklist items to tick (ids
         * {@code checklist-id/item-id}, the same ticks a checklist view makes), {@link #step} says where
         * they stand.
         */
        NEXT,
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
        actions = List.copyOf(actions);
        step = step == null ? Optional.empty() : step;
    }

    /** A reply without actions or track step. */
    public Reply(Kind kind, String title, String text, List<SourceRef> sources, List<String> related,
                 List<ReplyItem> items, boolean ephemeral) {
        this(kind, title, text, sources, related, items, ephemeral, List.of(), Optional.empty());
    }

    /** This reply with these buttons instead of its own. */
    public Reply withActions(List<ReplyAction> newActions) {
        return new Reply(kind, title, text, sources, related, items, ephemeral, newActions, step);
    }

    /** This reply, shown only to the member ({@code true}) or to everyone where it is posted. */
    public Reply withEphemeral(boolean onlyTheMember) {
        return new Reply(kind, title, text, sources, related, items, onlyTheMember, actions, step);
    }

    /** This reply with the member's place on their track. */
    public Reply withStep(NextStep newStep) {
        return new Reply(kind, title, text, sources, related, items, ephemeral, actions, Optional.of(newStep));
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
