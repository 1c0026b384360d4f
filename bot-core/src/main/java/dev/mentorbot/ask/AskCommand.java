package dev.mentorbot.ask;

import dev.mentorbot.command.AnswerVisibility;
import dev.mentorbot.command.CommandHandler;
import dev.mentorbot.command.CommandRequest;
import dev.mentorbot.command.CommandSpec;
import dev.mentorbot.command.Delivery;
import dev.mentorbot.command.OptionSpec;
import dev.mentorbot.command.Reply;
import dev.mentorbot.command.ReplyAction;
import dev.mentorbot.command.Surface;
import dev.mentorbot.retrieval.Answer;
import dev.mentorbot.retrieval.AnswerEngine;
import dev.mentorbot.retrieval.Turn;
import dev.mentorbot.state.ConversationStore;
import dev.mentorbot.state.StateException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code ask QUESTION}: one sourced passage, or an honest "I don't know". */
public final class AskCommand implements CommandHandler {
    private static final Logger LOG = LoggerFactory.getLogger(AskCommand.class);
    public static final CommandSpec SPEC = new CommandSpec("ask",
            "Ask a question about becoming an ML or deep learning engineer",
            List.of(new OptionSpec("question", "Your question, in your own words", OptionSpec.Type.TEXT, true)));

    private final AnswerEngine engine;
    private final QuestionRecorder recorder;
    /**
     * The option a "Share in channel" click sets: the same question, answered for everyone. Not in
     * the spec, so no platform offers it to type.
     */
    public static final String SHARE = "share";
    static final String SHARE_LABEL = "Share in channel";

    private final ConversationStore conversations;
    private final AnswerVisibility visibility;

    public AskCommand(AnswerEngine engine, QuestionRecorder recorder, ConversationStore conversations,
                      AnswerVisibility visibility) {
        this.engine = engine;
        this.recorder = recorder;
        this.conversations = conversations;
        this.visibility = visibility;
    }

    /** The "Share in channel" button under a private answer to {@code question}. */
    public static ReplyAction share(String question) {
        return new ReplyAction(SHARE_LABEL, "ask", SHARE, question);
    }

    @Override
    public Reply handle(CommandRequest request) {
        String question = request.option("question").orElse("");
        String conversation = request.conversation();
        List<Turn> earlier = conversation.isEmpty() ? List.of() : recent(conversation);
        Answer answer = engine.answer(question, earlier);
        boolean sharing = request.option(SHARE).isPresent();
        if (sharing) {
            return toReply(answer); // asked, logged and remembered when it was first answered
        }
        recorder.record(question, answer, request.member().platform());
        if (!conversation.isEmpty() && answer.answered() && !answer.sources().isEmpty()) {
            remember(conversation, request, answer);
        }
        Reply reply = toReply(answer);
        // A slash command's answer goes to the asker alone, who may share it; a mention (a post
        // into the channel) and the console are answered where they were asked.
        if (visibility == AnswerVisibility.PRIVATE && request.surface() != Surface.CONSOLE
                && request.delivery() == Delivery.RESPONSE) {
            reply = reply.withEphemeral(true);
            if (reply.answered()) {
                reply = reply.withActions(List.of(share(question)));
            }
        }
        return reply;
    }

    /** The conversation's earlier turns; a database that cannot be read loses the context, not the answer. */
    private List<Turn> recent(String conversation) {
        try {
            return conversations.recentTurns(conversation);
        } catch (StateException e) {
            LOG.warn("answering without the conversation's earlier questions: {}", e.getMessage());
            return List.of();
        }
    }

    private void remember(String conversation, CommandRequest request, Answer answer) {
        try {
            Turn turn = answer.turn();
            conversations.remember(conversation, request.member(), turn.topic(), turn.passageId());
        } catch (StateException e) {
            LOG.warn("could not remember the question for follow-ups: {}", e.getMessage());
        }
    }

    /** Renders an answer as a reply; shared by every command that answers from the engine. */
    public static Reply toReply(Answer answer) {
        return new Reply(answer.answered() ? Reply.Kind.ANSWER : Reply.Kind.DECLINED, "", answer.text(),
                answer.sources(), answer.related(), List.of(), false);
    }
}
