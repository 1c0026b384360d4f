package dev.mentorbot.slack;

import dev.mentorbot.ask.QuestionPrivacy;
import dev.mentorbot.command.Commands;
import dev.mentorbot.command.CoreContext;
import dev.mentorbot.content.ContentLoader;
import dev.mentorbot.content.KnowledgeBase;
import dev.mentorbot.retrieval.AnswerEngine;
import dev.mentorbot.retrieval.KnowledgeIndex;
import dev.mentorbot.state.Database;
import dev.mentorbot.state.DatabaseSettings;
import dev.mentorbot.state.Stores;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/** The real core for loopback tests: the fixture content, a lexical engine, a real SQLite database. */
final class TestCore implements AutoCloseable {
    private static KnowledgeBase kb;
    private static AnswerEngine engine;

    final Database db;
    final Commands commands;

    TestCore(Path dataDir) throws Exception {
        synchronized (TestCore.class) {
            if (kb == null) {
                Path content = Path.of(TestCore.class.getResource("/fixture-content/sources.yaml").toURI()).getParent();
                kb = new ContentLoader().load(content);
                engine = new AnswerEngine(kb, KnowledgeIndex.build(kb, Optional.empty()));
            }
        }
        db = Database.open(DatabaseSettings.sqlite(dataDir));
        commands = Commands.standard(new CoreContext(kb, engine, Stores.of(db), QuestionPrivacy.FULL, Clock.systemUTC()));
    }

    @Override
    public void close() {
        db.close();
    }
}
