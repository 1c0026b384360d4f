package dev.mentorbot.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mentorbot.Fixtures;
import dev.mentorbot.ask.QuestionPrivacy;
import dev.mentorbot.state.Database;
import dev.mentorbot.state.DatabaseSettings;
import dev.mentorbot.state.MemberId;
import dev.mentorbot.state.Stores;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standard commands over the fixture content and a real SQLite database. */
class CommandsTest {
    @TempDir
    Path dataDir;

    private Database db;
    private Commands commands;
    private final MemberId member = MemberId.console("ada");

    @BeforeEach
    void open() {
        db = Database.open(DatabaseSettings.sqlite(dataDir));
        commands = Commands.standard(new CoreContext(Fixtures.kb(), Fixtures.lexical(), Stores.of(db),
                QuestionPrivacy.FULL, Clock.systemUTC()));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Reply run(String command, Map<String, String> options) {
        return commands.handle(new CommandRequest(command, options, member));
    }

    @Test
    void specsAreTheOneListEveryAdapterUses() {
        assertThat(commands.specs()).extracting(CommandSpec::name)
                .containsExactly("ask", "salary", "skills", "path", "roadmap", "checklist", "tick", "untick",
                        "progress", "next", "follow", "unfollow", "checkin", "feedback", "forget-me", "help");
        assertThat(Commands.standardSpecs()).isEqualTo(commands.specs());
        assertThat(commands.specs()).allSatisfy(s -> assertThat(s.description()).hasSizeLessThanOrEqualTo(100));
    }

    @Test
    void aFollowUpInAConversationIsUnderstoodWithTheEarlierSubject() {
        Commands hybrid = Commands.standard(new CoreContext(Fixtures.kb(), Fixtures.hybrid(), Stores.of(db),
                QuestionPrivacy.FULL, Clock.systemUTC()));
        String thread = "slack:T1:C1:1700000000.000100";
        Reply first = hybrid.handle(new CommandRequest("ask", Map.of("question", "how much do deep learning engineers earn?"),
                member, thread));
        assertThat(first.text()).contains("$95,500");

        Reply followUp = hybrid.handle(new CommandRequest("ask", Map.of("question", "and machine learning engineers?"),
                member, thread));
        assertThat(followUp.kind()).isEqualTo(Reply.Kind.ANSWER);
        assertThat(followUp.text()).contains("$70,000 and $90,000");

        Reply offTopic = hybrid.handle(new CommandRequest("ask", Map.of("question", "what about chefs?"), member, thread));
        assertThat(offTopic.kind()).isEqualTo(Reply.Kind.DECLINED);

        // Outside the conversation the same words have no subject to continue.
        Reply alone = hybrid.handle(new CommandRequest("ask", Map.of("question", "what about seniors?"), member));
        assertThat(alone.text()).doesNotContain("$70,000");
        // Each answered turn keeps the passage the member was shown, for the next follow-up to read.
        assertThat(db.conversations().recentTurns(thread)).hasSize(2)
                .allSatisfy(t -> assertThat(t.topic()).doesNotContain("chefs"))
                .extracting(dev.mentorbot.retrieval.Turn::passageId)
                .containsExactly(first.sources().get(0).passageId(), followUp.sources().get(0).passageId());
    }

    @Test
    void askAnswersWithSources() {
        Reply r = run("ask", Map.of("question", "DL engineer salary"));
        assertThat(r.kind()).isEqualTo(Reply.Kind.ANSWER);
        assertThat(r.text()).contains("$95,500");
        assertThat(r.sources()).isNotEmpty();
        assertThat(r.ephemeral()).isFalse();
    }

    @Test
    void unknownCommandAndMissingOptionArePoliteErrors() {
        Reply unknown = run("dance", Map.of());
        assertThat(unknown.kind()).isEqualTo(Reply.Kind.ERROR);
        // feedback is internal (it needs a passage id): never offered as something to type.
        assertThat(unknown.text()).isEqualTo("I don't know the command 'dance'. Commands: ask, salary, skills, path, "
                + "roadmap, checklist, tick, untick, progress, next, follow, unfollow, checkin, forget-me, help.");
        assertThat(unknown.ephemeral()).isTrue();

        Reply missing = run("ask", Map.of("question", "   "));
        assertThat(missing.kind()).isEqualTo(Reply.Kind.ERROR);
        assertThat(missing.text()).startsWith("ask needs QUESTION.");
    }

    @Test
    void errorsAndHelpAreWrittenInTheSyntaxOfTheSurfaceAsked() {
        Reply console = commands.handle(new CommandRequest("tick", Map.of("topic", "coding"), member, Surface.CONSOLE));
        assertThat(console.text()).isEqualTo("tick needs ITEM. Mark a checklist item as done (tick TOPIC ITEM).");
        Reply discord = commands.handle(new CommandRequest("tick", Map.of("topic", "coding"), member, Surface.DISCORD));
        assertThat(discord.text()).isEqualTo("/tick needs item. Mark a checklist item as done (/tick <topic> <item>).");
        Reply slack = commands.handle(new CommandRequest("tick", Map.of("topic", "coding"), member, Surface.SLACK));
        assertThat(slack.text()).isEqualTo(
                "/mentor tick needs item. Mark a checklist item as done (/mentor tick <topic> <item>).");
        assertThat(commands.handle(new CommandRequest("dance", Map.of(), member, Surface.SLACK)).text())
                .contains("Commands: /mentor ask, /mentor salary,").doesNotContain("feedback");

        assertThat(commands.handle(new CommandRequest("help", Map.of(), member, Surface.DISCORD)).items())
                .extracting(ReplyItem::text).contains("/ask <question>", "/roadmap [track]", "/tick <topic> <item>")
                .noneMatch(t -> t.contains("feedback"));
        assertThat(commands.handle(new CommandRequest("help", Map.of(), member, Surface.SLACK)).items())
                .extracting(ReplyItem::text).contains("/mentor ask <question>", "/mentor checklist [topic]");
    }

    @Test
    void roadmapListsTracksAndResolvesWhatMembersType() {
        Reply list = run("roadmap", Map.of());
        assertThat(list.kind()).isEqualTo(Reply.Kind.LIST);
        assertThat(list.items()).extracting(ReplyItem::id).containsExactly("from-zero", "from-software-engineering");

        Reply track = run("roadmap", Map.of("track", "Software"));
        assertThat(track.kind()).isEqualTo(Reply.Kind.ROADMAP);
        assertThat(track.title()).isEqualTo("From software engineering");
        assertThat(track.items()).extracting(ReplyItem::text).containsExactly("1. Math refresh");
        assertThat(track.items().get(0).detail()).isEqualTo("Checklists: math-basics (0/2 items done)");

        Reply zero = run("roadmap", Map.of("track", "from-zero"));
        assertThat(zero.items()).extracting(ReplyItem::text).containsExactly("1. Math and code basics", "2. First models");
        assertThat(zero.items().get(0).detail()).isEqualTo(
                "Goals: Solve small problems in Python\nPractice: Daily exercises\nChecklists: math-basics, coding "
                        + "(0/3 items done)");

        Reply unknown = run("roadmap", Map.of("track", "astronaut"));
        assertThat(unknown.kind()).isEqualTo(Reply.Kind.ERROR);
        assertThat(unknown.text()).isEqualTo("I don't know the track 'astronaut'. The tracks are:");
        assertThat(unknown.items()).hasSize(2);

        assertThat(run("roadmap", Map.of("track", "from")).kind()).as("ambiguous").isEqualTo(Reply.Kind.ERROR);
    }

    @Test
    void checklistShowsItemsWithStableIds() {
        Reply topics = run("checklist", Map.of());
        assertThat(topics.items()).extracting(ReplyItem::id).containsExactlyInAnyOrder("math-basics", "coding");

        Reply math = run("checklist", Map.of("topic", "math"));
        assertThat(math.kind()).isEqualTo(Reply.Kind.CHECKLIST);
        assertThat(math.items()).extracting(ReplyItem::id)
                .containsExactly("math-basics/linear-algebra", "math-basics/calculus");
        assertThat(math.items()).extracting(ReplyItem::done).containsOnly(false);

        assertThat(run("checklist", Map.of("topic", "cooking")).kind()).isEqualTo(Reply.Kind.ERROR);
    }

    @Test
    void pathWithoutAStartingPointAnswersAndOffersTracks() {
        Reply general = run("path", Map.of());
        assertThat(general.title()).isEqualTo("The path to deep learning engineering");
        assertThat(general.items()).extracting(ReplyItem::id).containsExactly("from-zero", "from-software-engineering");

        assertThat(run("path", Map.of("from", "zero")).title()).isEqualTo("From zero");
        assertThat(run("path", Map.of("from", "plumbing")).text()).startsWith("I have no track for 'plumbing'");
    }

    @Test
    void helpListsEveryCommandWithItsUsage() {
        Reply help = run("help", Map.of());
        assertThat(help.items()).extracting(ReplyItem::text)
                .contains("ask QUESTION", "roadmap [TRACK]", "checklist [TOPIC]", "path [FROM]", "salary", "forget-me [CONFIRM]")
                .noneMatch(t -> t.startsWith("feedback"));
        assertThat(help.items()).hasSize(commands.specs().size() - 1);
    }

    @Test
    void aFailingHandlerBecomesAnErrorReplyNotAnException() {
        Commands c = new Commands().register(new CommandSpec("boom", "Explodes", java.util.List.of()), r -> {
            throw new IllegalStateException("kaput");
        });
        Reply r = c.handle(new CommandRequest("boom", Map.of(), member));
        assertThat(r.kind()).isEqualTo(Reply.Kind.ERROR);
        assertThat(r.text()).doesNotContain("kaput").contains("something went wrong");
    }

    @Test
    void tickingIsRememberedAndShowsInChecklistRoadmapAndProgress() {
        Reply ticked = run("tick", Map.of("topic", "math", "item", "2"));
        assertThat(ticked.kind()).isEqualTo(Reply.Kind.CHECKLIST);
        assertThat(ticked.text()).isEqualTo("Done: Derivatives and gradients. The mathematics to learn first. 1/2 done.");
        assertThat(ticked.items()).extracting(ReplyItem::done).containsExactly(false, true);
        assertThat(ticked.ephemeral()).isTrue();

        run("tick", Map.of("topic", "ignored", "item", "math-basics/linear-algebra"));
        assertThat(run("checklist", Map.of("topic", "math-basics")).items()).extracting(ReplyItem::done)
                .containsExactly(true, true);
        Reply roadmap = run("roadmap", Map.of("track", "software"));
        assertThat(roadmap.items().get(0).done()).as("stage complete").isTrue();
        assertThat(roadmap.text()).endsWith("Your progress: 2/2 checklist items done.");

        Reply progress = run("progress", Map.of());
        assertThat(progress.text()).isEqualTo("You have ticked 2 checklist items.");
        assertThat(progress.items()).extracting(ReplyItem::text).contains(
                "Checklist Math basics: 2/2 done", "Roadmap From software engineering: 1/1 stages complete",
                "Roadmap From zero: 0/2 stages complete");

        Reply unticked = run("untick", Map.of("topic", "math", "item", "calculus"));
        assertThat(unticked.text()).startsWith("Not done: Derivatives and gradients.");
        assertThat(unticked.items()).extracting(ReplyItem::done).containsExactly(true, false);

        MemberId other = MemberId.console("grace");
        assertThat(commands.handle(new CommandRequest("checklist", Map.of("topic", "math"), other)).items())
                .extracting(ReplyItem::done).as("another member's list").containsOnly(false);
    }

    @Test
    void unknownTopicsAndItemsAreRefusedWithoutStoringAnything() {
        Reply badItem = run("tick", Map.of("topic", "math", "item", "quantum-physics"));
        assertThat(badItem.kind()).isEqualTo(Reply.Kind.ERROR);
        assertThat(badItem.text()).isEqualTo("'quantum-physics' is not an item of Math basics. Use an item id or its number (1-2):");
        assertThat(run("tick", Map.of("topic", "math", "item", "3")).kind()).isEqualTo(Reply.Kind.ERROR);
        assertThat(run("tick", Map.of("topic", "cooking", "item", "1")).text())
                .isEqualTo("I don't know the topic 'cooking'. The topics are:");
        assertThat(db.progress().all(member)).isEmpty();
    }

    @Test
    void forgetMeAsksFirstThenDeletesAndSaysWhat() {
        run("tick", Map.of("topic", "coding", "item", "python"));
        Reply ask = run("ask", Map.of("question", "what is kaggle"));
        run("feedback", Map.of("vote", "helpful", "answer", ask.sources().get(0).passageId(), "question", "what is kaggle"));

        Reply first = run("forget-me", Map.of());
        assertThat(first.text()).startsWith("I store 1 checklist item state and 1 feedback vote about you. "
                + "To delete it, run forget-me yes.");
        assertThat(first.actions()).isEmpty();
        // On a platform the member confirms with a button, not by typing.
        Reply onSlack = commands.handle(new CommandRequest("forget-me", Map.of(), member, Surface.SLACK));
        assertThat(onSlack.text()).contains("To delete it, press Delete my data.");
        assertThat(onSlack.ephemeral()).isTrue();
        assertThat(onSlack.actions()).containsExactly(
                ReplyAction.dangerous("Delete my data", "forget-me", "confirm", "yes"));
        assertThat(db.progress().all(member)).hasSize(1);

        Reply done = run("forget-me", Map.of("confirm", "yes"));
        assertThat(done.text()).isEqualTo("Deleted 1 checklist item state and 1 feedback vote. I no longer store anything about you.");
        assertThat(db.progress().all(member)).isEmpty();
        assertThat(run("forget-me", Map.of("confirm", "yes")).text())
                .isEqualTo("I had nothing stored about you, so nothing was deleted.");
    }

    @Test
    void questionsAreLoggedAndFeedbackIsCounted() {
        Reply answer = run("ask", Map.of("question", "<@1> what is kaggle?"));
        run("ask", Map.of("question", "how do I bake bread"));
        String passage = answer.sources().get(0).passageId();

        Reply thanks = run("feedback", Map.of("vote", "not-helpful", "answer", passage, "question", "what is kaggle?"));
        assertThat(thanks.text()).startsWith("Thanks for telling me.");
        assertThat(run("feedback", Map.of("vote", "meh", "answer", passage, "question", "q")).kind()).isEqualTo(Reply.Kind.ERROR);
        assertThat(run("feedback", Map.of("vote", "helpful", "answer", "no-such-passage", "question", "q")).kind())
                .isEqualTo(Reply.Kind.ERROR);

        var log = db.questions();
        var since = java.time.Instant.EPOCH;
        assertThat(log.topQuestions(since, 10)).extracting(q -> q.text()).containsExactlyInAnyOrder(
                "what is kaggle?", "how do I bake bread");
        assertThat(log.unansweredQuestions(since, 10)).extracting(q -> q.text()).containsExactly("how do I bake bread");
        assertThat(log.notHelpfulAnswers(since, 10)).singleElement()
                .satisfies(a -> assertThat(a.sourceId()).isEqualTo(passage));
        assertThat(db.feedback().countsFor(passage).notHelpful()).isEqualTo(1);
    }

    @Test
    void hashedLoggingKeepsNoTextAndGroupsParaphrases() {
        Commands hashed = Commands.standard(new CoreContext(Fixtures.kb(), Fixtures.lexical(), Stores.of(db),
                QuestionPrivacy.HASHED, Clock.systemUTC()));
        hashed.handle(new CommandRequest("ask", Map.of("question", "What's the salary of a DL engineer?"), member));
        hashed.handle(new CommandRequest("ask", Map.of("question", "dl engineer salary"), member));

        assertThat(db.questions().topQuestions(java.time.Instant.EPOCH, 10)).singleElement().satisfies(q -> {
            assertThat(q.text()).isNull();
            assertThat(q.asked()).isEqualTo(2);
        });

        Commands off = Commands.standard(new CoreContext(Fixtures.kb(), Fixtures.lexical(), Stores.of(db),
                QuestionPrivacy.OFF, Clock.systemUTC()));
        off.handle(new CommandRequest("ask", Map.of("question", "what is kaggle"), member));
        assertThat(db.questions().topQuestions(java.time.Instant.EPOCH, 10)).hasSize(1);
    }
}
