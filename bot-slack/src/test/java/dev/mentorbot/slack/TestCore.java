package dev.mentorbot.slack;

import dev.mentorbot.Fixtures;
import dev.mentorbot.ask.QuestionPrivacy;
import dev.mentorbot.command.Commands;
import dev.mentorbot.command.CoreContext;
import dev.mentorbot.state.Database;
import dev.mentorbot.state.DatabaseSettings;
import dev.mentorbot.state.Stores;
import java.nio.file.Path;
import java.time.Clock;

/** The real core for loopback tests: the fixture content, a lexical engine, a real SQLite database. */
final class TestCore implements AutoCloseable {
    final Database db;
    final Commands commands;

    TestCore(Path dataDir) {
        db = Database.open(DatabaseSettings.sqlite(dataDir));
        commands = Commands.standard(new CoreContext(Fixtures.kb(), Fixtures.lexical(), Stores.of(db),
                QuestionPrivacy.FULL, Clock.systemUTC()));
    }

    @Override
    public void close() {
        db.close();
    }
}
