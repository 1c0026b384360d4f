package dev.mentorbot.ask;

import dev.mentorbot.command.CommandHandler;
import dev.mentorbot.command.CommandRequest;
import dev.mentorbot.command.CommandSpec;
import dev.mentorbot.command.OptionSpec;
import dev.mentorbot.command.Reply;
import dev.mentorbot.retrieval.ChatText;
import dev.mentorbot.retrieval.KnowledgeIndex;
import dev.mentorbot.retrieval.Passage;
import dev.mentorbot.state.Feedback;
import dev.mentorbot.state.FeedbackStore;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code feedback vote answer question}: a member's helpful / not-helpful vote on an answer,
 * identified by the passage it came from and the question it answered. Platforms send it from
 * the buttons under an answer; voting again replaces the earlier vote.
 */
public final class FeedbackCommand implements CommandHandler {
    public static final CommandSpec SPEC = new CommandSpec("feedback", "Tell me whether an answer helped",
            List.of(new OptionSpec("vote", "helpful or not-helpful", OptionSpec.Type.TEXT, true),
                    new OptionSpec("answer", "The id of the answer's passage", OptionSpec.Type.TEXT, true),
                    new OptionSpec("question", "The question it answered", OptionSpec.Type.TEXT, true)), true);

    private final FeedbackStore store;
    private final KnowledgeIndex index;
    private final QuestionRecorder recorder;
    private final Clock clock;

    public FeedbackCommand(FeedbackStore store, KnowledgeIndex index, QuestionRecorder recorder, Clock clock) {
        this.store = store;
        this.index = index;
        this.recorder = recorder;
        this.clock = clock;
    }

    /** What a vote says: helpful (true), not helpful (false), or nothing understood. */
    public static Optional<Boolean> helpful(String vote) {
        return switch (vote.strip().toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "helpful", "yes", "up", "+1", "👍" -> Optional.of(Boolean.TRUE);
            case "not-helpful", "unhelpful", "no", "down", "-1", "👎" -> Optional.of(Boolean.FALSE);
            default -> Optional.empty();
        };
    }

    @Override
    public Reply handle(CommandRequest request) {
        Boolean helpful = helpful(request.option("vote").orElseThrow()).orElse(null);
        if (helpful == null) {
            return Reply.error("A vote is 'helpful' or 'not-helpful'.");
        }
        Optional<Passage> passage = index.passage(request.option("answer").orElseThrow().strip());
        if (passage.isEmpty()) {
            return Reply.error("I can't find that answer any more (the content may have changed), so I didn't record the vote.");
        }
        String question = ChatText.clean(request.option("question").orElseThrow());
        store.record(new Feedback(request.member(), recorder.keepsText() ? question : null, recorder.hash(question),
                passage.get().id(), passage.get().section(), helpful, clock.instant()));
        return new Reply(Reply.Kind.LIST, "", helpful
                ? "Thanks! Glad it helped."
                : "Thanks for telling me. The admins will see that this answer did not help.",
                List.of(), List.of(), List.of(), true);
    }
}
