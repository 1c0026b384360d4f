package dev.mentorbot.state;

/** The contract against a real PostgreSQL server started by the test (zonky binaries, no Docker). */
final class PostgresStateContractTest extends StateContractTest {
    @Override
    DatabaseSettings freshDatabase() {
        return EmbeddedPostgresServer.newDatabase();
    }
}
