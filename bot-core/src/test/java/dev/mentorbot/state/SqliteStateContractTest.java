package dev.mentorbot.state;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The contract against a real SQLite file in a fresh directory. */
final class SqliteStateContractTest extends StateContractTest {
    @TempDir
    Path temp;

    @Override
    DatabaseSettings freshDatabase() {
        return DatabaseSettings.sqlite(temp.resolve("data"));
    }
}
