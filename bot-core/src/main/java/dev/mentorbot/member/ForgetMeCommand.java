package dev.mentorbot.member;

import dev.mentorbot.command.CommandHandler;
import dev.mentorbot.command.CommandRequest;
import dev.mentorbot.command.CommandSpec;
import dev.mentorbot.command.OptionSpec;
import dev.mentorbot.command.Reply;
import dev.mentorbot.command.ReplyAction;
import dev.mentorbot.command.Surface;
import dev.mentorbot.state.MemberData;
import dev.mentorbot.state.MemberDataCounts;
import java.util.List;
import java.util.Locale;

/**
 * {@code forget-me}: deletes everything stored about the member. Without {@code confirm} it only
 * says what is stored and how to delete it, so a stray command cannot wipe anyone's progress.
 */
public final class ForgetMeCommand implements CommandHandler {
    public static final CommandSpec SPEC = new CommandSpec("forget-me",
            "Delete everything I store about you (asks you to confirm)",
            List.of(new OptionSpec("confirm", "yes to delete (platforms ask with a button)", OptionSpec.Type.TEXT, false)));

    /** The confirming button's label. */
    public static final String DELETE = "Delete my data";

    private final MemberData members;

    public ForgetMeCommand(MemberData members) {
        this.members = members;
    }

    @Override
    public Reply handle(CommandRequest request) {
        boolean confirmed = request.option("confirm")
                .map(v -> v.strip().toLowerCase(Locale.ROOT))
                .filter(v -> v.equals("yes") || v.equals("confirm"))
                .isPresent();
        if (!confirmed) {
            MemberDataCounts stored = members.count(request.member());
            // The console has no buttons: there the member types the confirmation.
            boolean console = request.surface() == Surface.CONSOLE;
            String how = console ? "To delete it, run " + request.surface().command("forget-me") + " yes."
                    : "To delete it, press " + DELETE + ".";
            Reply reply = new Reply(Reply.Kind.LIST, "Forget me", "I store " + describe(stored) + " about you. "
                    + how + " Questions in the question log are not "
                    + "linked to you, so there is nothing of yours there.", List.of(), List.of(), List.of(), true);
            return console ? reply
                    : reply.withActions(List.of(ReplyAction.dangerous(DELETE, "forget-me", "confirm", "yes")));
        }
        MemberDataCounts deleted = members.forget(request.member());
        return new Reply(Reply.Kind.LIST, "Forget me", deleted.total() == 0
                ? "I had nothing stored about you, so nothing was deleted."
                : "Deleted " + describe(deleted) + ". I no longer store anything about you.",
                List.of(), List.of(), List.of(), true);
    }

    private static String describe(MemberDataCounts c) {
        String kept = plural(c.progressItems(), "checklist item state");
        String votes = plural(c.feedbackVotes(), "feedback vote");
        // The track is named only when there is one: "0 followed tracks" would read as a bug.
        return c.followedTracks() == 0 ? kept + " and " + votes : kept + ", " + votes + " and the track you follow";
    }

    private static String plural(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
