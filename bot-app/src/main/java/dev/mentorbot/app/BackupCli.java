package dev.mentorbot.app;

import dev.mentorbot.app.config.Secrets;
import dev.mentorbot.state.DatabaseSettings;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code backup FILE}: a consistent copy of the SQLite database, safe while the bot runs (see
 * {@link SqliteBackup}). PostgreSQL has its own tools for that, so a PostgreSQL set-up is pointed
 * to {@code pg_dump}.
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Copy the SQLite database to a new FILE, consistently, while the bot runs (PostgreSQL: use pg_dump).")
final class BackupCli implements Callable<Integer> {
    @ParentCommand
    MentorBotCli root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The backup to write; it must not exist yet.")
    Path file;

    @Override
    public Integer call() {
        DatabaseSettings settings = root.databaseSettings();
        if (settings instanceof DatabaseSettings.Postgres postgres) {
            spec.commandLine().getErr().println("The database is PostgreSQL (" + Secrets.maskInUrl(postgres.jdbcUrl())
                    + "): back it up with pg_dump, e.g. pg_dump -Fc -f mentor.dump 'postgresql://HOST:5432/DATABASE'.");
            return MentorBotCli.EXIT_BAD_INPUT;
        }
        Path database = ((DatabaseSettings.Sqlite) settings).databaseFile().toAbsolutePath().normalize();
        try {
            SqliteBackup.Result r = SqliteBackup.copy(database, file);
            spec.commandLine().getOut().printf("Backed up %s to %s (%d KB, integrity check ok).%n", database,
                    r.file(), (r.bytes() + 1023) / 1024);
            return 0;
        } catch (SqliteBackup.Failure e) {
            spec.commandLine().getErr().println("Cannot back up: " + e.getMessage());
            return MentorBotCli.EXIT_BAD_INPUT;
        }
    }
}
