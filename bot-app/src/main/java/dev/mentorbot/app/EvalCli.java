package dev.mentorbot.app;

import dev.mentorbot.eval.EvalQuestion;
import dev.mentorbot.eval.EvalReport;
import dev.mentorbot.eval.EvalSet;
import dev.mentorbot.eval.Evaluator;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code eval FILE}: answer quality on a question set; prints each miss and the score. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Measure answer quality on a question set (JSON lines: id, q, expect, answered).")
final class EvalCli implements Callable<Integer> {
    @ParentCommand
    MentorBotCli root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The question set.")
    Path file;

    @Option(names = "--min", paramLabel = "P",
            description = "Exit with status 1 when the score is below P (0.95 or 95 both mean 95%%).")
    Double min;

    @Option(names = "--all", description = "Print every item, not only the misses.")
    boolean all;

    @Option(names = "--by-category", description = "Print the score of each category of the set.")
    boolean byCategory;

    @Option(names = "--top-answers", description = "Print how often each passage is the top answer (finds hub passages).")
    boolean topAnswers;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<EvalQuestion> questions;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            questions = EvalSet.read(file.toString(), r);
        } catch (NoSuchFileException e) {
            err.println("No such question file: " + file);
            return MentorBotCli.EXIT_BAD_INPUT;
        } catch (java.nio.charset.CharacterCodingException e) {
            err.println("Cannot read the question set " + file + ": it is not UTF-8 text");
            return MentorBotCli.EXIT_BAD_INPUT;
        } catch (IllegalArgumentException e) {
            err.println("Cannot read the question set: " + e.getMessage());
            return MentorBotCli.EXIT_BAD_INPUT;
        } catch (java.io.IOException e) {
            err.println("Cannot read the question set " + file + ": "
                    + (Files.isDirectory(file) ? "it is a folder, not a file" : e.getMessage()));
            return MentorBotCli.EXIT_BAD_INPUT;
        }
        EvalReport report = new Evaluator(root.runtime().engine()).run(questions);
        for (EvalReport.Result r : report.results()) {
            if (all || !r.passed()) {
                EvalQuestion q = r.question();
                out.printf("%s %s: %s%n", r.passed() ? "PASS" : "MISS", q.id(), q.question());
                out.printf("     expected: %s%n", q.answered() ? "an answer matching " + q.expect() : "a decline");
                String text = r.answer().text().replaceAll("\\s+", " ");
                out.printf("     got (%s, score %.3f): %s%n", r.answer().answered() ? "answered" : "declined",
                        r.answer().score(), text.length() > 220 ? text.substring(0, 220) + "..." : text);
            }
        }
        if (byCategory) {
            out.println("by category:");
            report.byCategory().forEach((category, t) -> out.printf(Locale.ROOT, "  %-28s %3d/%-3d %5.1f%%%n",
                    category, t.passed(), t.total(), t.share() * 100));
        }
        if (topAnswers) {
            out.println("top answers (passage: times it was the top answer, of which passed):");
            report.topAnswers().forEach((passage, t) -> out.printf(Locale.ROOT, "  %3d  %3d passed  %s%n",
                    t.total(), t.passed(), passage));
        }
        double score = report.score();
        out.printf(Locale.ROOT, "score: %d/%d = %.1f%% (%s, %s)%n", report.passed(), report.results().size(),
                score * 100, root.lexicalOnly ? "lexical-only" : "hybrid",
                root.content == null ? "bundled content" : "content " + root.content);
        if (min != null) {
            double bar = min > 1 ? min / 100 : min;
            if (score + 1e-9 < bar) {
                err.printf(Locale.ROOT, "score %.1f%% is below the bar of %.1f%%%n", score * 100, bar * 100);
                return MentorBotCli.EXIT_FAILED;
            }
        }
        return 0;
    }
}
