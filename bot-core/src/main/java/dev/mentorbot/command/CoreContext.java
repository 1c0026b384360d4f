package dev.mentorbot.command;

import dev.mentorbot.ask.QuestionPrivacy;
import dev.mentorbot.ask.QuestionRecorder;
import dev.mentorbot.content.KnowledgeBase;
import dev.mentorbot.retrieval.AnswerEngine;
import dev.mentorbot.state.Stores;
import java.time.Clock;

/**
 * What command handlers are built from: the knowledge, the engine, the stores and the settings
 * that shape what is remembered.
 *
 * @param kb       the knowledge base
 * @param engine   the answer engine over it
 * @param stores   durable state
 * @param privacy  how much of members' questions is logged
 * @param clock    the time source for stored changes
 * @param checkinsEnabled whether the admin turned weekly check-ins on for the install
 * @param answers  who sees the answers to slash-command questions
 */
public record CoreContext(KnowledgeBase kb, AnswerEngine engine, Stores stores, QuestionPrivacy privacy, Clock clock,
                          boolean checkinsEnabled, AnswerVisibility answers) {
    /** A context whose slash-command answers are public, as before the visibility setting existed. */
    public CoreContext(KnowledgeBase kb, AnswerEngine engine, Stores stores, QuestionPrivacy privacy, Clock clock,
                       boolean checkinsEnabled) {
        this(kb, engine, stores, privacy, clock, checkinsEnabled, AnswerVisibility.PUBLIC);
    }

    /** A context with weekly check-ins off, as an install has them until the admin turns them on. */
    public CoreContext(KnowledgeBase kb, AnswerEngine engine, Stores stores, QuestionPrivacy privacy, Clock clock) {
        this(kb, engine, stores, privacy, clock, false);
    }

    /** The question recorder these settings imply. */
    public QuestionRecorder recorder() {
        return new QuestionRecorder(stores.questions(), privacy, engine.index(), clock);
    }
}
