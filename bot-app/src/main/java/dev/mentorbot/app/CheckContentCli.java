package dev.mentorbot.app;

import dev.mentorbot.content.ContentException;
import dev.mentorbot.content.ContentLimits;
import dev.mentorbot.content.ContentLoader;
import dev.mentorbot.content.ContentProblem;
import dev.mentorbot.content.KnowledgeBase;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code check-content DIR}: validate a content folder with the rules the bot applies at start-up. */
@Command(name = "check-content", mixinStandardHelpOptions = true,
        description = "Validate a content folder: every problem with its file and line.")
final class CheckContentCli implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.ParentCommand
    MentorBotCli root;

    @Parameters(paramLabel = "DIR", description = "The content folder to check.")
    Path dir;

    @Option(names = "--with-bundled",
            description = "Check the folder as extra content on top of the bundled knowledge base.")
    boolean withBundled;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            List<Path> folders = new ArrayList<>();
            if (withBundled) {
                folders.add(ContentLoader.bundledRoot());
            }
            folders.add(dir);
            ContentLimits limits = root.contentLimits();
            KnowledgeBase kb = new ContentLoader(limits).load(folders);
            out.printf("OK: %d articles, %d FAQ entries, %d passages in all, %d roadmaps, %d checklists, %d sources%n",
                    kb.articles().size(), kb.faqs().size(), kb.passageCount(), kb.roadmaps().size(),
                    kb.checklists().size(), kb.sources().size());
            out.println("Limits: " + limits.describe());
            return 0;
        } catch (ContentException e) {
            err.println(e.problems().size() + " problem(s) in " + dir + ":");
            for (ContentProblem p : e.problems()) {
                err.println("  " + p);
            }
            err.println("Limits: " + root.contentLimits().describe());
            return MentorBotCli.EXIT_FAILED;
        }
    }
}
