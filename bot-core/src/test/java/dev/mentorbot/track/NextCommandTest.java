package dev.mentorbot.track;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mentorbot.Fixtures;
import dev.mentorbot.ask.QuestionPrivacy;
import dev.mentorbot.command.Commands;
import dev.mentorbot.command.CommandRequest;
import dev.mentorbot.command.CoreContext;
import dev.mentorbot.command.NextStep;
import dev.mentorbot.command.Reply;
import dev.mentorbot.command.ReplyAction;
import dev.mentorbot.command.ReplyItem;
import dev.mentorbot.content.ContentLoader;
import dev.mentorbot.content.KnowledgeBase;
import dev.mentorbot.retrieval.AnswerEngine;
import dev.mentorbot.retrieval.KnowledgeIndex;
import dev.mentorbot.state.Database;
import dev.mentorbot.state.DatabaseSettings;
import dev.mentorbot.state.MemberId;
import dev.mentorbot.state.Stores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** follow, unfollow and next through {@link Commands#handle}, over the fixture content and a real SQLite file. */
class NextCommandTest {
    @TempDir
    Path dataDir;

    private Database db;
    private Commands commands;
    private final MemberId member = MemberId.console("ada");

    @BeforeEach
    void open() {
        db = Database.open(DatabaseSettings.sqlite(dataDir));
        commands = over(Fixtures.kb(), Fixtures.lexical());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Commands over(KnowledgeBase kb, AnswerEngine engine) {
        return Commands.standard(new CoreContext(kb, engine, Stores.of(db), QuestionPrivacy.OFF, Clock.systemUTC()));
    }

    private Reply run(String command, Map<String, String> options) {
        return commands.handle(new CommandRequest(command, options, member));
    }

    @Test
    void withoutATrackNextOffersTheTracksAsFollowButtons() {
        Reply next = run("next", Map.of());

        assertThat(next.kind()).isEqualTo(Reply.Kind.LIST);
        assertThat(next.title()).isEqualTo("Your next step");
        assertThat(next.text()).startsWith("You don't follow a track yet.");
        assertThat(next.items()).extracting(ReplyItem::id).containsExactly("from-zero", "from-software-engineering");
        assertThat(next.actions()).containsExactly(
                new ReplyAction("Follow From zero", "follow", "track", "from-zero"),
                new ReplyAction("Follow From software engineering", "follow", "track", "from-software-engineering"));
        assertThat(next.step()).isEmpty();
        assertThat(next.ephemeral()).isTrue();
    }

    @Test
    void followAcceptsWhatRoadmapAcceptsAndShowsTheFirstStage() {
        Reply followed = run("follow", Map.of("track", "zero"));

        assertThat(followed.kind()).isEqualTo(Reply.Kind.NEXT);
        assertThat(followed.text()).isEqualTo("You now follow From zero. From zero, stage 1 of 2: Math and code basics. "
                + "Goals: Solve small problems in Python. Track progress: 0/3 items (0%), 0 of 2 stages complete. "
                + "Tick these as you learn them:");
        assertThat(followed.items()).extracting(ReplyItem::id, ReplyItem::text, ReplyItem::done).containsExactly(
                org.assertj.core.groups.Tuple.tuple("math-basics/linear-algebra", "Vectors and matrices", false),
                org.assertj.core.groups.Tuple.tuple("math-basics/calculus", "Derivatives and gradients", false),
                org.assertj.core.groups.Tuple.tuple("coding/python", "Write small Python programs", false));
        assertThat(followed.step()).contains(new NextStep("from-zero", "From zero", "basics", "Math and code basics",
                1, 2, 0, 0, 3));
        assertThat(db.tracks().followed(member)).contains("from-zero");

        assertThat(run("follow", Map.of("track", "Software")).text())
                .startsWith("You now follow From software engineering instead of From zero. From software engineering, "
                        + "stage 1 of 1: Math refresh.");
        assertThat(db.tracks().followed(member)).as("replaced").contains("from-software-engineering");
        assertThat(run("follow", Map.of("track", "from-software-engineering")).text())
                .startsWith("You already follow From software engineering.");
    }

    @Test
    void unknownOrAmbiguousTracksAreRefusedWithoutStoringAnything() {
        Reply unknown = run("follow", Map.of("track", "astronaut"));
        assertThat(unknown.kind()).isEqualTo(Reply.Kind.ERROR);
        assertThat(unknown.text()).isEqualTo("I don't know the track 'astronaut'. The tracks are:");
        assertThat(unknown.items()).hasSize(2);
        assertThat(run("follow", Map.of("track", "from")).kind()).as("ambiguous").isEqualTo(Reply.Kind.ERROR);
        assertThat(run("follow", Map.of()).text()).startsWith("follow needs TRACK.");
        assertThat(db.tracks().followed(member)).isEmpty();
    }

    @Test
    void nextAfterTicksShowsTheFollowingItemsAndProgress() {
        run("follow", Map.of("track", "from-zero"));
        run("tick", Map.of("topic", "math", "item", "linear-algebra"));
        // A tick from the next view's button sends "checklist-id/item-id", as checklist views do.
        run("tick", Map.of("topic", "coding", "item", "coding/python"));

        Reply next = run("next", Map.of());
        assertThat(next.items()).extracting(ReplyItem::text).containsExactly("Derivatives and gradients");
        assertThat(next.items().get(0).detail()).as("its checklist").isEqualTo("Math basics");
        // Stage 2 links only the coding checklist, so ticking it completes that stage too.
        assertThat(next.text()).contains("Track progress: 2/3 items (66%), 1 of 2 stages complete.");

        run("untick", Map.of("topic", "coding", "item", "python"));
        assertThat(run("next", Map.of()).items()).extracting(ReplyItem::text)
                .containsExactly("Derivatives and gradients", "Write small Python programs");
    }

    @Test
    void everyItemTickedIsCelebratedWithWhatToDoNext() {
        run("follow", Map.of("track", "zero"));
        for (String item : new String[] {"math-basics/linear-algebra", "math-basics/calculus", "coding/python"}) {
            run("tick", Map.of("topic", "any", "item", item));
        }

        Reply done = run("next", Map.of());
        assertThat(done.kind()).isEqualTo(Reply.Kind.NEXT);
        assertThat(done.items()).isEmpty();
        assertThat(done.text()).startsWith("You have done it: all 3 items of From zero are ticked")
                .contains("well done!").contains("What next:");
        assertThat(done.related()).isNotEmpty();
        assertThat(done.actions()).extracting(ReplyAction::label).containsExactly("Follow From software engineering");
        assertThat(done.step()).hasValueSatisfying(s -> {
            assertThat(s.finished()).isTrue();
            assertThat(s.stagesDone()).isEqualTo(2);
            assertThat(s.percent()).isEqualTo(100);
        });
    }

    @Test
    void theCurrentStageIsTheFirstWithUntickedItems() throws Exception {
        // The fixture's tracks share their checklists; this one walks two stages with items of their own.
        Path content = Fixtures.copyOfContent(dataDir.resolve("content"));
        Files.writeString(content.resolve("roadmaps/from-data.yaml"), """
                id: from-data-science
                title: From data science
                source: fixture-editors
                order: 3
                stages:
                  - id: code
                    title: Production code
                    checklists: [coding]
                  - id: math
                    title: Math for deep learning
                    checklists: [math-basics]
                """);
        KnowledgeBase kb = new ContentLoader().load(content);
        commands = over(kb, new AnswerEngine(kb, KnowledgeIndex.build(kb, Optional.empty())));

        assertThat(run("follow", Map.of("track", "data")).items()).extracting(ReplyItem::id)
                .containsExactly("coding/python");
        run("tick", Map.of("topic", "coding", "item", "1"));

        Reply next = run("next", Map.of());
        assertThat(next.text()).startsWith("From data science, stage 2 of 2: Math for deep learning.")
                .contains("Track progress: 1/3 items (33%), 1 of 2 stages complete.");
        assertThat(next.items()).extracting(ReplyItem::id)
                .containsExactly("math-basics/linear-algebra", "math-basics/calculus");
    }

    @Test
    void unfollowForgetsTheTrackAndKeepsTheTicks() {
        run("follow", Map.of("track", "zero"));
        run("tick", Map.of("topic", "coding", "item", "python"));

        Reply unfollowed = run("unfollow", Map.of());
        assertThat(unfollowed.text()).startsWith("You no longer follow From zero. Your ticks stay.");
        assertThat(unfollowed.actions()).hasSize(2);
        assertThat(db.tracks().followed(member)).isEmpty();
        assertThat(db.progress().all(member)).hasSize(1);
        assertThat(run("unfollow", Map.of()).text()).startsWith("You don't follow a track.");
        assertThat(run("next", Map.of()).kind()).isEqualTo(Reply.Kind.LIST);
    }

    @Test
    void progressAndRoadmapViewsMarkTheFollowedTrack() {
        Reply before = run("roadmap", Map.of("track", "zero"));
        assertThat(before.actions()).containsExactly(new ReplyAction("Follow this track", "follow", "track", "from-zero"));
        assertThat(before.text()).doesNotContain("You follow this track");

        run("follow", Map.of("track", "zero"));

        Reply roadmap = run("roadmap", Map.of("track", "zero"));
        assertThat(roadmap.text()).endsWith("Your progress: 0/4 checklist items done. You follow this track.");
        assertThat(roadmap.actions()).containsExactly(ReplyAction.run("Show my next step", "next"));
        assertThat(run("roadmap", Map.of("track", "software")).actions()).extracting(ReplyAction::label)
                .containsExactly("Follow this track");
        assertThat(run("roadmap", Map.of()).items()).extracting(ReplyItem::text)
                .containsExactly("From zero (your track)", "From software engineering");

        Reply progress = run("progress", Map.of());
        assertThat(progress.items()).extracting(ReplyItem::text).contains(
                "Roadmap From zero (your track): 0/2 stages complete", "Roadmap From software engineering: 0/1 stages complete");
        assertThat(progress.text()).endsWith("You follow From zero: next shows your next step.");
    }

    @Test
    void forgetMeCountsAndDeletesTheTrack() {
        run("follow", Map.of("track", "zero"));
        run("tick", Map.of("topic", "coding", "item", "python"));

        assertThat(run("forget-me", Map.of()).text())
                .startsWith("I store 1 checklist item state, 0 feedback votes and the track you follow about you.");
        assertThat(run("forget-me", Map.of("confirm", "yes")).text())
                .isEqualTo("Deleted 1 checklist item state, 0 feedback votes and the track you follow. "
                        + "I no longer store anything about you.");
        assertThat(db.tracks().followed(member)).isEmpty();
        assertThat(run("next", Map.of()).text()).startsWith("You don't follow a track yet.");
    }
}
