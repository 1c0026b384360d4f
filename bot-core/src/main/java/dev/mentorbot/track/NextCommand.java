package dev.mentorbot.track;

import dev.mentorbot.checklist.ChecklistProgress;
import dev.mentorbot.command.CommandHandler;
import dev.mentorbot.command.CommandRequest;
import dev.mentorbot.command.CommandSpec;
import dev.mentorbot.command.Reply;
import dev.mentorbot.content.KnowledgeBase;
import dev.mentorbot.state.TrackStore;
import java.util.List;

/**
 * {@code next}: the member's next step on the track they follow, shown only to them; without a
 * track it offers the tracks to follow.
 */
public final class NextCommand implements CommandHandler {
    public static final CommandSpec SPEC = new CommandSpec("next",
            "Your next step on the track you follow: what to learn now, and your progress", List.of());

    private final NextSteps steps;

    public NextCommand(KnowledgeBase kb, ChecklistProgress progress, TrackStore tracks) {
        this.steps = new NextSteps(kb, progress, tracks);
    }

    @Override
    public Reply handle(CommandRequest request) {
        return steps.view(request.member(), "");
    }
}
