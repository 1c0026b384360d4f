package dev.mentorbot.ask;

import dev.mentorbot.command.CommandHandler;
import dev.mentorbot.command.CommandRequest;
import dev.mentorbot.command.CommandSpec;
import dev.mentorbot.command.OptionSpec;
import dev.mentorbot.command.Reply;
import dev.mentorbot.retrieval.Answer;
import dev.mentorbot.retrieval.AnswerEngine;
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
    private final ConversationStore conversations;

    public AskCommand(AnswerEngine engine, QuestionRecorder recorder, ConversationStore conversations) {
        this.engine = engine;
        this.recorder = recorder;
        this.conversations = conversations;
    }

    @Override
    public Reply handle(CommandRequest request) {
        String question = request.option("question").orElse("");
        String conversation = request.conversation();
        List<String> earlier = conversation.isEmpty() ? List.of() : recent(conversation);
        Answer answer = engine.answer(question, earlier);
        recorder.record(question, answer, request.member().platform());
        if (!conversation.isEmpty() && answer.answered() && !answer.sources().isEmpty()) {
            remember(conversation, request, answer);
        }
        return toReply(answer);
    }

    /** The conversation's earlier topics; a database that cannot be read loses the context, not the answer. */
    private List<String> recent(String conversation) {
        try {
            return conversations.recentTopics(conversation);
        } catch (StateException e) {
            LOG.warn("answering without the conversation's earlier questions: {}", e.getMessage());
            return List.of();
        }
    }

    private void remember(String conversation, CommandRequest request, Answer answer) {
        try {
            conversations.remember(conversation, request.member(), answer.topic(), answer.sources().get(0).passageId());
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
