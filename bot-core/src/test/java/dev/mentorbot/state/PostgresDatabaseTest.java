package dev.mentorbot.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** PostgreSQL settings against the real test server: wrong ones get one clear message each, never with a password in it. */
final class PostgresDatabaseTest {
    private static final String WRONG_PASSWORD = "hunter2-wrong";

    @Test
    void aWrongPasswordIsRefusedClearly() {
        DatabaseSettings.Postgres good = EmbeddedPostgresServer.newDatabase();
        DatabaseSettings.Postgres wrong = DatabaseSettings.postgres(good.jdbcUrl(), good.user(), WRONG_PASSWORD);

        assertThatThrownBy(() -> Database.open(wrong))
                .isInstanceOfSatisfying(StateException.class, e -> {
                    assertThat(e.reason()).isEqualTo(StateException.Reason.AUTHENTICATION_FAILED);
                    assertThat(e.getMessage()).isEqualTo("The PostgreSQL database " + good.jdbcUrl()
                            + " refused the login of user 'mentor': check the user name and password.");
                });
    }

    @Test
    void aPasswordWrittenIntoTheUrlIsNeverShown() {
        DatabaseSettings.Postgres good = EmbeddedPostgresServer.newDatabase();
        String url = good.jdbcUrl() + "?user=mentor&password=" + WRONG_PASSWORD;
        DatabaseSettings.Postgres settings = DatabaseSettings.postgres(url, null, null);

        assertThatThrownBy(() -> Database.open(settings))
                .isInstanceOfSatisfying(StateException.class, e -> {
                    assertThat(e.reason()).isEqualTo(StateException.Reason.AUTHENTICATION_FAILED);
                    assertThat(e.getMessage()).doesNotContain(WRONG_PASSWORD).contains("password=****");
                });
        assertThat(settings.description()).doesNotContain(WRONG_PASSWORD);
        assertThat(settings.toString()).doesNotContain(WRONG_PASSWORD);
        assertThat(DatabaseSettings.postgres(good.jdbcUrl(), "mentor", WRONG_PASSWORD).toString())
                .doesNotContain(WRONG_PASSWORD);
    }

    @Test
    void aPortWithNoServerIsReportedUnreachable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://localhost:" + closedPort + "/mentor";

        assertThatThrownBy(() -> Database.open(DatabaseSettings.postgres(url, "mentor", WRONG_PASSWORD)))
                .isInstanceOfSatisfying(StateException.class, e -> {
                    assertThat(e.reason()).isEqualTo(StateException.Reason.CONNECTION_FAILED);
                    assertThat(e.getMessage()).isEqualTo("Cannot reach the PostgreSQL database " + url
                            + " (connection refused): check the host, the port and that the server is running.");
                });
    }

    @Test
    void aMissingDatabaseIsNamed() {
        String url = EmbeddedPostgresServer.jdbcUrl("no_such_database");

        assertThatThrownBy(() -> Database.open(DatabaseSettings.postgres(url, EmbeddedPostgresServer.USER,
                EmbeddedPostgresServer.PASSWORD)))
                .isInstanceOfSatisfying(StateException.class, e -> {
                    assertThat(e.reason()).isEqualTo(StateException.Reason.INVALID_SETTINGS);
                    assertThat(e.getMessage()).isEqualTo("The PostgreSQL database " + url
                            + " does not exist: create it, or fix the database name in the URL.");
                });
    }

    @Test
    void aDatabaseSharedWithAnotherApplicationNeedsASchemaOfItsOwn() throws Exception {
        DatabaseSettings.Postgres shared = EmbeddedPostgresServer.newDatabase();
        try (Connection connection = DriverManager.getConnection(shared.jdbcUrl(), shared.user(), shared.password());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)");
        }

        assertThatThrownBy(() -> Database.open(shared))
                .isInstanceOfSatisfying(StateException.class, e -> {
                    assertThat(e.reason()).isEqualTo(StateException.Reason.SCHEMA_MISMATCH);
                    assertThat(e.getMessage()).contains("already holds tables that are not mentor-bot's")
                            .contains("currentSchema=mentor_bot");
                });

        DatabaseSettings.Postgres ownSchema = DatabaseSettings.postgres(shared.jdbcUrl() + "?currentSchema=mentor_bot",
                shared.user(), shared.password());
        try (Database db = Database.open(ownSchema)) {
            db.progress().set(StateContractTest.ALICE, "git", "install", true, StateContractTest.T0);
            assertThat(db.progress().all(StateContractTest.ALICE)).hasSize(1);
        }
        try (Database db = Database.open(ownSchema)) {
            assertThat(db.progress().all(StateContractTest.ALICE)).as("reopened").hasSize(1);
        }
    }

    @Test
    void somethingThatIsNotAPostgresJdbcUrlIsRefusedBeforeConnecting() {
        assertThatThrownBy(() -> Database.open(DatabaseSettings.postgres("postgres://mentor:" + WRONG_PASSWORD
                + "@db.example/mentor", null, null)))
                .isInstanceOfSatisfying(StateException.class, e -> {
                    assertThat(e.reason()).isEqualTo(StateException.Reason.INVALID_SETTINGS);
                    assertThat(e.getMessage()).isEqualTo("'postgres://mentor:****@db.example/mentor' is not a valid PostgreSQL "
                            + "JDBC URL: expected jdbc:postgresql://host:port/database");
                });
        assertThatThrownBy(() -> Database.open(DatabaseSettings.postgres("jdbc:postgresql://localhost:99999/x", null, null)))
                .isInstanceOfSatisfying(StateException.class,
                        e -> assertThat(e.reason()).isEqualTo(StateException.Reason.INVALID_SETTINGS));
    }
}
