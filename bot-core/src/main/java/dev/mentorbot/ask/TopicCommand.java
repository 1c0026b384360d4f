package dev.mentorbot.ask;

import dev.mentorbot.command.CommandHandler;
import dev.mentorbot.command.CommandRequest;
import dev.mentorbot.command.CommandSpec;
import dev.mentorbot.command.Reply;
import dev.mentorbot.retrieval.Answer;
import dev.mentorbot.retrieval.AnswerEngine;
import dev.mentorbot.retrieval.SourceRef;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A fixed topic ({@code salary}, {@code skills}): the answers to a few standing questions,
 * combined into one reply without repeating a passage. The questions are asked through the
 * same engine, so the reply follows the content, not code.
 */
public final class TopicCommand implements CommandHandler {
    public static final CommandSpec SALARY = new CommandSpec("salary",
            "What ML and deep learning engineers earn, with sources", List.of());
    public static final List<String> SALARY_QUESTIONS = List.of(
            "What is the average salary of a machine learning engineer in the United States?",
            "What is the average salary of a deep learning engineer?",
            "How much do deep learning engineers earn in India?");
    public static final CommandSpec SKILLS = new CommandSpec("skills",
            "The skills a deep learning engineer needs", List.of());
    public static final List<String> SKILLS_QUESTIONS = List.of(
            "What are the core skills of a deep learning engineer?",
            "Which computer science fundamentals does a deep learning engineer need?",
            "What soft skills does a deep learning engineer need?");

    private final AnswerEngine engine;
    private final List<String> questions;

    public TopicCommand(AnswerEngine engine, List<String> questions) {
        this.engine = engine;
        this.questions = List.copyOf(questions);
    }

    @Override
    public Reply handle(CommandRequest request) {
        Set<String> texts = new LinkedHashSet<>();
        List<SourceRef> sources = new ArrayList<>();
        Set<String> related = new LinkedHashSet<>();
        for (String q : questions) {
            Answer a = engine.answer(q);
            if (a.answered() && texts.add(a.text())) {
                sources.add(a.sources().get(0));
                related.addAll(a.related());
            }
        }
        if (texts.isEmpty()) {
            return AskCommand.toReply(engine.answer(questions.get(0)));
        }
        related.removeAll(questions);
        return new Reply(Reply.Kind.ANSWER, "", String.join("\n\n", texts), sources,
                related.stream().limit(3).toList(), List.of(), false);
    }
}
