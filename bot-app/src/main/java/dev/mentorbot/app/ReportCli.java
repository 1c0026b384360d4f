package dev.mentorbot.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.mentorbot.report.AdminReport;
import dev.mentorbot.state.NotHelpfulAnswer;
import dev.mentorbot.state.QuestionStats;
import dev.mentorbot.state.SourceHelpfulness;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code report}: for admins, what members asked: top questions, the questions the bot could not
 * answer (content gaps), answers marked not helpful, and how each passage fares.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "For admins: top questions, unanswered questions, answers marked not helpful, "
                + "helpfulness per passage.")
final class ReportCli implements Callable<Integer> {
    @ParentCommand
    MentorBotCli root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--days", paramLabel = "N", defaultValue = "30",
            description = "Report on the last N days (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "15",
            description = "At most N lines per section (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "Print the report as one JSON object.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (days < 1 || limit < 1) {
            spec.commandLine().getErr().println("--days and --limit must be at least 1");
            return MentorBotCli.EXIT_BAD_INPUT;
        }
        AdminReport report = AdminReport.build(root.database().questions(),
                Instant.now().minus(Duration.ofDays(days)), limit);
        if (json) {
            out.println(new ObjectMapper().registerModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).writeValueAsString(report));
            return 0;
        }
        out.printf("Report for the last %d days (%s)%n", days, root.database().description());
        section(out, "Top questions", report.topQuestions(), q -> line(q) + ", answered " + q.answered());
        section(out, "Unanswered questions (content gaps)", report.unanswered(), ReportCli::line);
        section(out, "Answers marked not helpful", report.notHelpful(), ReportCli::line);
        section(out, "Helpfulness per passage", report.sourceHelpfulness(), ReportCli::line);
        return 0;
    }

    private static <T> void section(PrintWriter out, String title, List<T> rows, java.util.function.Function<T, String> f) {
        out.println();
        out.println(title);
        if (rows.isEmpty()) {
            out.println("  (none)");
        }
        rows.forEach(r -> out.println("  " + f.apply(r)));
    }

    private static String line(QuestionStats q) {
        return q.asked() + "x  " + (q.text() == null ? "(hashed " + q.hash().substring(0, 12) + ")" : q.text());
    }

    private static String line(NotHelpfulAnswer a) {
        return a.votes() + " vote(s)  " + a.sourceId() + "  for: "
                + (a.questionText() == null ? "(hashed " + a.questionHash().substring(0, 12) + ")" : a.questionText());
    }

    private static String line(SourceHelpfulness s) {
        return s.sourceId() + ": answered " + s.served() + ", helpful " + s.helpful() + ", not helpful " + s.notHelpful();
    }
}
