package dev.mentorbot.track;

import dev.mentorbot.checklist.ChecklistProgress;
import dev.mentorbot.command.CommandHandler;
import dev.mentorbot.command.CommandRequest;
import dev.mentorbot.command.CommandSpec;
import dev.mentorbot.command.OptionSpec;
import dev.mentorbot.command.Reply;
import dev.mentorbot.content.KnowledgeBase;
import dev.mentorbot.content.Roadmap;
import dev.mentorbot.state.TrackStore;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * {@code follow TRACK} and {@code unfollow}: which roadmap track the member follows. A member
 * follows one track at a time, so following another replaces it; the ticks stay either way.
 * Following answers with the next step at once.
 */
public final class FollowCommand implements CommandHandler {
    public static final CommandSpec FOLLOW = new CommandSpec("follow",
            "Follow a roadmap track: next then shows your next step on it",
            List.of(new OptionSpec("track", "The track, e.g. zero, software, data", OptionSpec.Type.TRACK, true)));
    public static final CommandSpec UNFOLLOW = new CommandSpec("unfollow",
            "Stop following your roadmap track (your ticks stay)", List.of());

    private final KnowledgeBase kb;
    private final TrackStore tracks;
    private final NextSteps steps;
    private final Clock clock;
    private final boolean follow;

    public FollowCommand(KnowledgeBase kb, ChecklistProgress progress, TrackStore tracks, Clock clock, boolean follow) {
        this.kb = kb;
        this.tracks = tracks;
        this.steps = new NextSteps(kb, progress, tracks);
        this.clock = clock;
        this.follow = follow;
    }

    @Override
    public Reply handle(CommandRequest request) {
        Optional<Roadmap> before = tracks.followed(request.member()).flatMap(kb::roadmap);
        if (!follow) {
            if (before.isEmpty()) {
                tracks.unfollow(request.member()); // a track no longer in the content is dropped too
                return steps.choose("You don't follow a track. To follow one:", Reply.Kind.LIST, "");
            }
            tracks.unfollow(request.member());
            return steps.choose("You no longer follow " + before.get().title() + ". Your ticks stay. "
                    + "Follow a track again whenever you like:", Reply.Kind.LIST, "");
        }
        String typed = request.option("track").orElseThrow();
        Optional<Roadmap> wanted = steps.resolve(typed);
        if (wanted.isEmpty()) {
            return steps.choose("I don't know the track '" + typed + "'. The tracks are:", Reply.Kind.ERROR, "");
        }
        Roadmap r = wanted.get();
        tracks.follow(request.member(), r.id(), clock.instant());
        String note;
        if (before.isEmpty()) {
            note = "You now follow " + r.title() + ".";
        } else if (before.get().id().equals(r.id())) {
            note = "You already follow " + r.title() + ".";
        } else {
            note = "You now follow " + r.title() + " instead of " + before.get().title() + ".";
        }
        return steps.view(request.member(), note);
    }
}
