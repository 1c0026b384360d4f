package dev.mentorbot.ask;

import dev.mentorbot.command.CommandHandler;
import dev.mentorbot.command.CommandRequest;
import dev.mentorbot.command.CommandSpec;
import dev.mentorbot.command.OptionSpec;
import dev.mentorbot.command.Reply;
import dev.mentorbot.retrieval.Answer;
import dev.mentorbot.retrieval.AnswerEngine;
import java.util.List;

/** {@code ask QUESTION}: one sourced passage, or an honest "I don't know". */
public final class AskCommand implements CommandHandler {
    public static final CommandSpec SPEC = new CommandSpec("ask",
            "Ask a question about becoming an ML or deep learning engineer",
            List.of(new OptionSpec("question", "Your question, in your own words", OptionSpec.Type.TEXT, true)));

    private final AnswerEngine engine;
    private final QuestionRecorder recorder;

    public AskCommand(AnswerEngine engine, QuestionRecorder recorder) {
        this.engine = engine;
        this.recorder = recorder;
    }

    @Override
    public Reply handle(CommandRequest request) {
        String question = request.option("question").orElse("");
        Answer answer = engine.answer(question);
        recorder.record(question, answer, request.member().platform());
        return toReply(answer);
    }

    /** Renders an answer as a reply; shared by every command that answers from the engine. */
    public static Reply toReply(Answer answer) {
        return new Reply(answer.answered() ? Reply.Kind.ANSWER : Reply.Kind.DECLINED, "", answer.text(),
                answer.sources(), answer.related(), List.of(), false);
    }
}
