package dev.mentorbot.eval;

import dev.mentorbot.retrieval.Answer;
import dev.mentorbot.retrieval.AnswerEngine;
import dev.mentorbot.retrieval.Turn;
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
     * The turns a conversation holds after these questions, as a platform conversation would
     * remember them: each answered question's topic and passage, declined ones leave nothing.
     */
    public static List<Turn> conversation(AnswerEngine engine, List<String> earlier) {
        List<Turn> turns = new ArrayList<>();
        for (String question : earlier) {
            Answer a = engine.answer(question, turns);
            if (a.answered()) {
                turns.add(a.turn());
            }
        }
        return turns;
    }
}
