package dev.mentorbot.eval;

import dev.mentorbot.retrieval.Answer;
import dev.mentorbot.retrieval.AnswerEngine;
import java.util.ArrayList;
import java.util.List;

/** Runs a question set through the answer engine; a follow-up item first asks its earlier questions. */
public final class Evaluator {
    private final AnswerEngine engine;

    public Evaluator(AnswerEngine engine) {
        this.engine = engine;
    }

    public EvalReport run(List<EvalQuestion> questions) {
        return new EvalReport(questions.stream().map(q -> {
            Answer a = engine.answer(q.question(), conversation(engine, q.after()));
            return new EvalReport.Result(q, a, q.passes(a.answered(), a.text()));
        }).toList());
    }

    /**
     * The topics a conversation holds after these questions, as a platform conversation would
     * remember them: each answered question's topic, declined ones leave nothing.
     */
    public static List<String> conversation(AnswerEngine engine, List<String> earlier) {
        List<String> topics = new ArrayList<>();
        for (String question : earlier) {
            Answer a = engine.answer(question, topics);
            if (a.answered()) {
                topics.add(a.topic());
            }
        }
        return topics;
    }
}
