package dev.mentorbot.state;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;

/** Checks the PostgreSQL URL and credentials with one plain connection before a pool is built. */
final class PostgresBackend {
    /** Several bot instances share the server: each keeps a modest pool. */
    private static final int POOL_SIZE = 8;
    /** Seconds; a wrong host or a server that went away should fail quickly, not after the driver's default. */
    private static final String CONNECT_TIMEOUT_SECONDS = "5";
    /**
     * Seconds a query may wait for the server's answer. A server that vanishes without closing the
     * connection (a partition, a frozen host) otherwise holds a member's request forever. Every
     * query the bot makes is small; the admin report over a long question log is the slowest.
     */
    private static final String SOCKET_TIMEOUT_SECONDS = "15";

    private PostgresBackend() {
    }

    static Backend prepare(DatabaseSettings.Postgres settings) {
        String redacted = JdbcUrls.redact(settings.jdbcUrl());
        SqlFailures failures = SqlFailures.postgres(redacted, settings.user());
        Driver driver = new org.postgresql.Driver();
        if (!accepts(driver, settings.jdbcUrl())) {
            throw new StateException(StateException.Reason.INVALID_SETTINGS,
                    "'" + redacted + "' is not a valid PostgreSQL JDBC URL: expected "
                            + "jdbc:postgresql://host:port/database");
        }
        Properties properties = new Properties();
        if (settings.user() != null) {
            properties.setProperty("user", settings.user());
        }
        if (settings.password() != null) {
            properties.setProperty("password", settings.password());
        }
        properties.setProperty("connectTimeout", CONNECT_TIMEOUT_SECONDS);
        properties.setProperty("loginTimeout", CONNECT_TIMEOUT_SECONDS);
        properties.setProperty("socketTimeout", SOCKET_TIMEOUT_SECONDS);
        properties.setProperty("ApplicationName", "mentor-bot");
        DriverDataSource dataSource = new DriverDataSource(driver, settings.jdbcUrl(), properties);
        SchemaState schema;
        try (Connection connection = dataSource.getConnection()) {
            schema = SchemaHistory.inspect(connection, Backend.Kind.POSTGRESQL);
        } catch (SQLException | RuntimeException e) {
            throw failures.translate("connect", e);
        }
        SchemaHistory.refuseUnusable(schema, Backend.Kind.POSTGRESQL, settings.description());
        return new Backend(Backend.Kind.POSTGRESQL, settings.description(), dataSource, failures, POOL_SIZE, schema,
                new Backend.Migration(dataSource, failures, null));
    }

    private static boolean accepts(Driver driver, String url) {
        try {
            return driver.acceptsURL(url);
        } catch (SQLException e) {
            return false;
        }
    }
}
