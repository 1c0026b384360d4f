package dev.mentorbot.roadmap;

import dev.mentorbot.ask.AskCommand;
import dev.mentorbot.checklist.ChecklistProgress;
import dev.mentorbot.command.Choices;
import dev.mentorbot.command.CommandHandler;
import dev.mentorbot.command.CommandRequest;
import dev.mentorbot.command.CommandSpec;
import dev.mentorbot.command.OptionSpec;
import dev.mentorbot.command.Reply;
import dev.mentorbot.content.KnowledgeBase;
import dev.mentorbot.content.Roadmap;
import dev.mentorbot.retrieval.Answer;
import dev.mentorbot.retrieval.AnswerEngine;
import dev.mentorbot.state.TrackStore;
import java.util.List;
import java.util.Optional;

/**
 * {@code path [from]}: how to get into deep learning engineering. Without a starting point it
 * answers the general question and offers the tracks; with one it shows that track's stages.
 */
public final class PathCommand implements CommandHandler {
    public static final CommandSpec SPEC = new CommandSpec("path",
            "How to become a deep learning engineer, from where you are",
            List.of(new OptionSpec("from", "Your background, e.g. zero, software, data", OptionSpec.Type.TRACK, false)));
    static final String GENERAL_QUESTION = "What is the path to becoming a deep learning engineer?";

    private final KnowledgeBase kb;
    private final AnswerEngine engine;
    private final ChecklistProgress progress;
    private final TrackStore tracks;

    public PathCommand(KnowledgeBase kb, AnswerEngine engine, ChecklistProgress progress, TrackStore tracks) {
        this.kb = kb;
        this.engine = engine;
        this.progress = progress;
        this.tracks = tracks;
    }

    @Override
    public Reply handle(CommandRequest request) {
        Optional<String> from = request.option("from");
        if (from.isPresent()) {
            Optional<Roadmap> r = Choices.resolve(from.get(), kb.roadmaps(), Roadmap::id, Roadmap::title);
            if (r.isPresent()) {
                return RoadmapCommand.stages(kb, r.get(), progress, tracks, request.member());
            }
        }
        Answer general = engine.answer(GENERAL_QUESTION);
        Reply choices = RoadmapCommand.tracks(kb, "", tracks.followed(request.member()));
        Reply answer = AskCommand.toReply(general);
        String intro = from.isPresent()
                ? "I have no track for '" + from.get() + "', so here is the general path. " + answer.text()
                : answer.text();
        return new Reply(answer.kind(), "The path to deep learning engineering", intro, answer.sources(),
                answer.related(), choices.items(), false);
    }
}
