package dev.mentorbot.eval;

import dev.mentorbot.retrieval.Answer;
import dev.mentorbot.retrieval.AnswerEngine;
import java.util.List;

/** Runs a question set through the answer engine. */
public final class Evaluator {
    private final AnswerEngine engine;

    public Evaluator(AnswerEngine engine) {
        this.engine = engine;
    }

    public EvalReport run(List<EvalQuestion> questions) {
        return new EvalReport(questions.stream().map(q -> {
            Answer a = engine.answer(q.question());
            return new EvalReport.Result(q, a, q.passes(a.answered(), a.text()));
        }).toList());
    }
}
