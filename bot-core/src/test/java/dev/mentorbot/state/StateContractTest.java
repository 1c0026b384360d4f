package dev.mentorbot.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.mentorbot.retrieval.Turn;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The behaviour every database behind the stores must show. Subclasses supply a fresh, empty
 * database per test (a real SQLite file, a real PostgreSQL server); nothing here is mocked.
 */
abstract class StateContractTest {
    static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    static final MemberId ALICE = new MemberId("discord", "guild-1", "alice");
    static final MemberId BOB = new MemberId("discord", "guild-1", "bob");
    /** Same user id, other platform: a different member. */
    static final MemberId ALICE_ON_SLACK = new MemberId("slack", "T0001", "alice");

    static final int THREADS = 8;
    static final int OPERATIONS_PER_THREAD = 1_000;

    final MutableClock clock = new MutableClock(T0);
    DatabaseSettings settings;
    Database db;

    /** Returns settings for a new, empty database. */
    abstract DatabaseSettings freshDatabase() throws Exception;

    @BeforeEach
    void openDatabase() throws Exception {
        settings = freshDatabase();
        db = Database.open(settings, clock);
    }

    @AfterEach
    void closeDatabase() {
        if (db != null) {
            db.close();
        }
    }

    // --- progress -------------------------------------------------------------------------------

    @Test
    void toggleFlipsAnItemAndReadsBack() {
        ProgressStore progress = db.progress();

        assertThat(progress.checklist(ALICE, "git")).isEmpty();
        assertThat(progress.toggle(ALICE, "git", "install", T0)).isTrue();
        assertThat(progress.checklist(ALICE, "git"))
                .containsExactly(new ItemProgress("git", "install", true, T0));

        Instant later = T0.plusSeconds(60);
        assertThat(progress.toggle(ALICE, "git", "install", later)).isFalse();
        assertThat(progress.checklist(ALICE, "git"))
                .containsExactly(new ItemProgress("git", "install", false, later));
        assertThat(progress.toggle(ALICE, "git", "install", later.plusSeconds(1))).isTrue();
    }

    @Test
    void setKeepsTheNewerStateWhenWritesArriveOutOfOrder() {
        ProgressStore progress = db.progress();
        Instant newer = T0.plusSeconds(10);

        assertThat(progress.set(ALICE, "git", "commit", true, newer)).isTrue();
        assertThat(progress.set(ALICE, "git", "commit", false, T0)).as("stale write").isFalse();
        assertThat(progress.checklist(ALICE, "git")).containsExactly(new ItemProgress("git", "commit", true, newer));

        assertThat(progress.set(ALICE, "git", "commit", false, newer)).as("same stamp applies").isTrue();
        assertThat(progress.checklist(ALICE, "git")).containsExactly(new ItemProgress("git", "commit", false, newer));
    }

    @Test
    void toggleNeverMovesTheTimestampBackwards() {
        ProgressStore progress = db.progress();
        Instant newer = T0.plusSeconds(10);
        progress.set(ALICE, "git", "push", false, newer);

        assertThat(progress.toggle(ALICE, "git", "push", T0)).isTrue();
        assertThat(progress.checklist(ALICE, "git")).containsExactly(new ItemProgress("git", "push", true, newer));
        assertThat(progress.set(ALICE, "git", "push", false, T0.plusSeconds(5))).isFalse();
    }

    @Test
    void progressIsKeptPerMemberAndChecklist() {
        ProgressStore progress = db.progress();
        progress.set(ALICE, "python", "venv", true, T0);
        progress.set(ALICE, "git", "install", true, T0);
        progress.set(ALICE, "git", "commit", false, T0);
        progress.set(BOB, "git", "install", true, T0);
        progress.set(ALICE_ON_SLACK, "git", "clone", true, T0);

        assertThat(progress.checklist(ALICE, "git")).extracting(ItemProgress::itemId)
                .containsExactly("commit", "install");
        assertThat(progress.all(ALICE)).extracting(p -> p.checklistId() + "/" + p.itemId())
                .containsExactly("git/commit", "git/install", "python/venv");
        assertThat(progress.all(BOB)).extracting(ItemProgress::itemId).containsExactly("install");
        assertThat(progress.all(ALICE_ON_SLACK)).extracting(ItemProgress::itemId).containsExactly("clone");
        assertThat(progress.all(new MemberId("discord", "guild-2", "alice"))).isEmpty();
    }

    @Test
    void invalidIdsAreRefusedBeforeTheDatabase() {
        assertThatThrownBy(() -> db.progress().toggle(ALICE, " ", "item", T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("checklistId");
        assertThatThrownBy(() -> db.progress().set(ALICE, "git", "x".repeat(201), true, T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 200");
    }

    // --- followed tracks ------------------------------------------------------------------------

    @Test
    void followingAnotherTrackReplacesItAndUnfollowDeletesIt() {
        TrackStore tracks = db.tracks();
        assertThat(tracks.followed(ALICE)).isEmpty();
        assertThat(tracks.unfollow(ALICE)).as("nothing to unfollow").isFalse();

        tracks.follow(ALICE, "from-zero", T0);
        tracks.follow(BOB, "from-data-science", T0);
        assertThat(tracks.followed(ALICE)).contains("from-zero");

        tracks.follow(ALICE, "from-software-engineering", T0.plusSeconds(1));
        assertThat(tracks.followed(ALICE)).contains("from-software-engineering");
        assertThat(db.members().count(ALICE).followedTracks()).as("one track per member").isEqualTo(1);

        assertThat(tracks.unfollow(ALICE)).isTrue();
        assertThat(tracks.followed(ALICE)).isEmpty();
        assertThat(tracks.followed(BOB)).as("another member's track").contains("from-data-science");
        assertThat(tracks.followed(ALICE_ON_SLACK)).isEmpty();
    }

    @Test
    void invalidTrackIdsAreRefusedBeforeTheDatabase() {
        assertThatThrownBy(() -> db.tracks().follow(ALICE, " ", T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("roadmapId");
        assertThatThrownBy(() -> db.tracks().follow(ALICE, "x".repeat(201), T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 200");
    }

    // --- conversations --------------------------------------------------------------------------

    @Test
    void aConversationRemembersItsLastThreeTurnsOldestFirst() {
        ConversationStore conversations = db.conversations();
        assertThat(conversations.recentTurns("slack:T1:C1:100.1")).isEmpty();
        for (String topic : List.of("ml engineers pay us", "india", "seniors", "bootcamp long")) {
            conversations.remember("slack:T1:C1:100.1", ALICE, topic, "faq-" + topic.length());
            clock.advance(java.time.Duration.ofSeconds(10));
        }
        conversations.remember("slack:T1:C1:200.2", BOB, "phd", "need-a-phd");

        assertThat(conversations.recentTurns("slack:T1:C1:100.1")).containsExactly(new Turn("india", "faq-5"),
                new Turn("seniors", "faq-7"), new Turn("bootcamp long", "faq-13"));
        assertThat(conversations.recentTurns("slack:T1:C1:200.2")).containsExactly(new Turn("phd", "need-a-phd"));
    }

    @Test
    void aConversationForgetsItsTurnsAfterHalfAnHour() {
        db.conversations().remember("discord:g1:t1", ALICE, "ml engineers pay", "ml-engineer-salary-us");
        clock.advance(java.time.Duration.ofMinutes(29));
        assertThat(db.conversations().recentTurns("discord:g1:t1")).extracting(Turn::topic)
                .containsExactly("ml engineers pay");
        clock.advance(java.time.Duration.ofMinutes(2));
        assertThat(db.conversations().recentTurns("discord:g1:t1")).isEmpty();
        assertThat(db.conversations().purgeExpired()).isEqualTo(1);
    }

    @Test
    void forgetMeErasesTheMembersConversationTurnsOnly() {
        db.conversations().remember("discord:g1:t1", ALICE, "ml engineers pay", "ml-engineer-salary-us");
        db.conversations().remember("discord:g1:t1", BOB, "india", "dl-engineer-salary-india");

        db.members().forget(ALICE);

        assertThat(db.conversations().recentTurns("discord:g1:t1")).extracting(Turn::topic)
                .containsExactly("india");
    }

    // --- check-ins -----------------------------------------------------------------------------

    private static final java.time.Duration WEEK = java.time.Duration.ofDays(7);

    @Test
    void aCheckinIsDueAWeekAfterOptingInAndEveryWeekAfter() {
        CheckinStore checkins = db.checkins();
        assertThat(checkins.optIn(ALICE, clock.instant())).isTrue();
        assertThat(checkins.optIn(ALICE, clock.instant().plusSeconds(60))).as("opting in again keeps the count").isFalse();
        assertThat(checkins.optedIn(ALICE)).isTrue();
        assertThat(checkins.optedIn(BOB)).isFalse();

        clock.advance(WEEK.minusMinutes(1));
        assertThat(checkins.due(java.util.Set.of("discord"), clock.instant(), 10)).isEmpty();
        clock.advance(java.time.Duration.ofMinutes(1));
        assertThat(checkins.due(java.util.Set.of("discord"), clock.instant(), 10))
                .extracting(CheckinStore.DueCheckin::member, CheckinStore.DueCheckin::week)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ALICE, 1L));
        assertThat(checkins.due(java.util.Set.of("slack"), clock.instant(), 10)).as("other platforms' members only").isEmpty();

        assertThat(checkins.claim(ALICE, 1, clock.instant())).isTrue();
        assertThat(checkins.claim(ALICE, 1, clock.instant())).as("one claim per member and week").isFalse();
        assertThat(checkins.due(java.util.Set.of("discord"), clock.instant(), 10)).isEmpty();

        clock.advance(WEEK.multipliedBy(3));
        assertThat(checkins.due(java.util.Set.of("discord"), clock.instant(), 10))
                .as("after three weeks down, one check-in, not three")
                .extracting(CheckinStore.DueCheckin::week).containsExactly(4L);
    }

    @Test
    void aReleasedClaimIsDueAgainAndOptingOutEndsCheckins() {
        CheckinStore checkins = db.checkins();
        checkins.optIn(ALICE, clock.instant());
        checkins.optIn(BOB, clock.instant().plusSeconds(1));
        clock.advance(WEEK.plusMinutes(1));
        assertThat(checkins.due(java.util.Set.of("discord"), clock.instant(), 1))
                .as("oldest opt-in first, within the limit").extracting(CheckinStore.DueCheckin::member).containsExactly(ALICE);

        checkins.claim(ALICE, 1, clock.instant());
        checkins.release(ALICE, 1);
        assertThat(checkins.claim(ALICE, 1, clock.instant())).isTrue();

        assertThat(checkins.optOut(BOB)).isTrue();
        assertThat(checkins.optOut(BOB)).isFalse();
        assertThat(checkins.due(java.util.Set.of("discord"), clock.instant(), 10)).isEmpty();

        clock.advance(WEEK.multipliedBy(3));
        assertThat(checkins.purgeClaimsBefore(clock.instant().minus(WEEK.multipliedBy(2)))).isEqualTo(1);
    }

    @Test
    void forgetMeErasesTheMembersCheckins() {
        db.checkins().optIn(ALICE, clock.instant());
        db.checkins().optIn(BOB, clock.instant());
        clock.advance(WEEK);
        db.checkins().claim(ALICE, 1, clock.instant());

        db.members().forget(ALICE);

        assertThat(db.checkins().optedIn(ALICE)).isFalse();
        assertThat(db.checkins().optedIn(BOB)).isTrue();
        assertThat(db.checkins().claim(ALICE, 1, clock.instant())).as("the claim row went with the member").isTrue();
    }

    // --- forget-me ------------------------------------------------------------------------------

    @Test
    void forgetDeletesEverythingAboutTheMemberAndSaysWhat() {
        db.progress().set(ALICE, "git", "install", true, T0);
        db.progress().set(ALICE, "git", "commit", true, T0);
        db.progress().set(ALICE, "python", "venv", false, T0);
        db.feedback().record(vote(ALICE, "q1", "faq-git", true));
        db.feedback().record(vote(ALICE, "q2", "faq-python", false));
        db.progress().set(BOB, "git", "install", true, T0);
        db.feedback().record(vote(BOB, "q1", "faq-git", true));
        db.progress().set(ALICE_ON_SLACK, "git", "install", true, T0);
        db.tracks().follow(ALICE, "from-zero", T0);
        db.tracks().follow(ALICE_ON_SLACK, "from-zero", T0);

        assertThat(db.members().count(ALICE)).isEqualTo(new MemberDataCounts(3, 2, 1));
        MemberDataCounts forgotten = db.members().forget(ALICE);

        assertThat(forgotten).isEqualTo(new MemberDataCounts(3, 2, 1));
        assertThat(forgotten.total()).isEqualTo(6);
        assertThat(db.tracks().followed(ALICE)).isEmpty();
        assertThat(db.tracks().followed(ALICE_ON_SLACK)).as("another member's track").contains("from-zero");
        assertThat(db.members().count(ALICE)).isEqualTo(new MemberDataCounts(0, 0, 0));
        assertThat(db.progress().all(ALICE)).isEmpty();
        assertThat(db.feedback().countsFor("faq-git")).isEqualTo(new FeedbackCounts("faq-git", 1, 0));
        assertThat(db.feedback().countsFor("faq-python")).isEqualTo(new FeedbackCounts("faq-python", 0, 0));
        assertThat(db.questions().notHelpfulAnswers(T0.minusSeconds(1), 10)).isEmpty();
        assertThat(db.members().count(BOB)).isEqualTo(new MemberDataCounts(1, 1, 0));
        assertThat(db.members().count(ALICE_ON_SLACK)).isEqualTo(new MemberDataCounts(1, 0, 1));
        assertThat(db.members().forget(ALICE)).isEqualTo(new MemberDataCounts(0, 0, 0));
    }

    @Test
    void forgetRemovesTheTextOfLoggedQuestionsTheMemberVotedOnAndKeepsTheirCount() {
        db.feedback().record(new Feedback(ALICE, "my own odd question", "q-alice", "faq-git", null, true, T0));
        db.questions().record(new LoggedQuestion("my own odd question", "q-alice", true, "faq-git", 0.9, "discord", T0));
        db.questions().record(new LoggedQuestion("what is git", "q-other", true, "faq-git", 0.9, "discord", T0));

        db.members().forget(ALICE);

        assertThat(db.questions().topQuestions(T0.minusSeconds(1), 10))
                .extracting(QuestionStats::hash, QuestionStats::text, QuestionStats::asked)
                .containsExactlyInAnyOrder(tuple("q-alice", null, 1L), tuple("q-other", "what is git", 1L));
    }

    // --- feedback -------------------------------------------------------------------------------

    @Test
    void feedbackCountsAreExactPerSourceAndAVoteCanBeChanged() {
        FeedbackStore feedback = db.feedback();
        feedback.record(vote(ALICE, "q1", "faq-git", true));
        feedback.record(vote(BOB, "q1", "faq-git", true));
        feedback.record(vote(ALICE_ON_SLACK, "q1", "faq-git", false));
        feedback.record(vote(ALICE, "q2", "faq-git", false));
        feedback.record(vote(BOB, "q3", "article-cv", true));

        assertThat(feedback.countsFor("faq-git")).isEqualTo(new FeedbackCounts("faq-git", 2, 2));
        assertThat(feedback.countsFor("unknown")).isEqualTo(new FeedbackCounts("unknown", 0, 0));

        feedback.record(vote(BOB, "q1", "faq-git", false)); // Bob changes his mind: replaces, not adds.
        feedback.record(vote(ALICE, "q1", "faq-git", true)); // Alice clicks twice: still one vote.

        assertThat(feedback.countsPerSource()).containsExactly(
                new FeedbackCounts("article-cv", 1, 0),
                new FeedbackCounts("faq-git", 1, 3));
    }

    // --- question log ---------------------------------------------------------------------------

    @Test
    void reportListsTopAndUnansweredQuestions() {
        QuestionLog log = db.questions();
        Instant t = T0;
        for (int i = 0; i < 3; i++) {
            log.record(new LoggedQuestion("How do I start with ML?", "h-start", true, "roadmap-ml", 0.9, "discord", t = t.plusSeconds(1)));
        }
        log.record(new LoggedQuestion(null, "h-salary", false, null, 0.0, "slack", t = t.plusSeconds(1)));
        log.record(new LoggedQuestion(null, "h-salary", false, "faq-jobs", 0.2, "slack", t = t.plusSeconds(1)));
        log.record(new LoggedQuestion("What is a GPU?", "h-gpu", false, null, 0.0, "console", t = t.plusSeconds(1)));
        log.record(new LoggedQuestion("What is a GPU?", "h-gpu", true, "faq-hardware", 0.7, "console", t = t.plusSeconds(1)));
        Instant last = t;

        List<QuestionStats> top = log.topQuestions(T0, 10);
        assertThat(top).extracting(QuestionStats::hash).containsExactly("h-start", "h-gpu", "h-salary");
        assertThat(top.get(0)).isEqualTo(new QuestionStats("h-start", "How do I start with ML?", 3, 3, T0.plusSeconds(3)));
        assertThat(top.get(1)).isEqualTo(new QuestionStats("h-gpu", "What is a GPU?", 2, 1, last));
        assertThat(top.get(2).text()).as("only the hash was logged").isNull();
        assertThat(log.topQuestions(T0, 1)).hasSize(1);

        List<QuestionStats> gaps = log.unansweredQuestions(T0, 10);
        assertThat(gaps).extracting(QuestionStats::hash, QuestionStats::asked)
                .containsExactly(tuple("h-salary", 2L), tuple("h-gpu", 1L));
        assertThat(log.unansweredQuestions(last, 10)).isEmpty();
        assertThat(log.topQuestions(last, 10)).extracting(QuestionStats::hash).containsExactly("h-gpu");
    }

    @Test
    void reportListsUnhelpfulAnswersAndHelpfulnessPerSource() {
        QuestionLog log = db.questions();
        log.record(new LoggedQuestion("cv tips?", "h-cv", true, "article-cv", 0.8, "discord", T0));
        log.record(new LoggedQuestion("cv tips?", "h-cv", true, "article-cv", 0.8, "discord", T0));
        log.record(new LoggedQuestion("git?", "h-git", true, "faq-git", 0.6, "slack", T0));
        log.record(new LoggedQuestion("nothing", "h-none", false, null, 0.0, "slack", T0));
        db.feedback().record(new Feedback(ALICE, "cv tips?", "h-cv", "article-cv", "Format", false, T0.plusSeconds(5)));
        db.feedback().record(new Feedback(BOB, null, "h-cv", "article-cv", "Format", false, T0.plusSeconds(9)));
        db.feedback().record(new Feedback(ALICE, "git?", "h-git", "faq-git", null, false, T0.plusSeconds(1)));
        db.feedback().record(new Feedback(BOB, "git?", "h-git", "faq-git", null, true, T0.plusSeconds(1)));
        db.feedback().record(new Feedback(BOB, "old", "h-old", "faq-old", null, false, T0.minusSeconds(3600)));

        assertThat(log.notHelpfulAnswers(T0, 10)).containsExactly(
                new NotHelpfulAnswer("h-cv", "cv tips?", "article-cv", "Format", 2, T0.plusSeconds(9)),
                new NotHelpfulAnswer("h-git", "git?", "faq-git", null, 1, T0.plusSeconds(1)));
        assertThat(log.notHelpfulAnswers(T0, 1)).hasSize(1);

        assertThat(log.sourceHelpfulness(T0)).containsExactly(
                new SourceHelpfulness("article-cv", 2, 0, 2),
                new SourceHelpfulness("faq-git", 1, 1, 1));
        assertThat(log.sourceHelpfulness(T0.minusSeconds(7200))).extracting(SourceHelpfulness::sourceId)
                .containsExactly("article-cv", "faq-git", "faq-old");
    }

    @Test
    void purgeBeforeDeletesOnlyOlderQuestions() {
        QuestionLog log = db.questions();
        log.record(new LoggedQuestion("old", "h-old", true, "s", 1, "slack", T0.minus(Duration.ofDays(400))));
        log.record(new LoggedQuestion("edge", "h-edge", true, "s", 1, "slack", T0.minus(Duration.ofDays(180))));
        log.record(new LoggedQuestion("new", "h-new", true, "s", 1, "slack", T0));

        assertThat(log.purgeBefore(T0.minus(Duration.ofDays(180)))).isEqualTo(1);
        assertThat(log.topQuestions(T0.minus(Duration.ofDays(1000)), 10)).extracting(QuestionStats::text)
                .containsExactlyInAnyOrder("edge", "new");
        assertThat(log.purgeBefore(T0.minus(Duration.ofDays(180)))).isZero();
    }

    @Test
    void longQuestionTextIsCutNotRefused() {
        String longText = "why ".repeat(1_000);
        db.questions().record(new LoggedQuestion(longText, "h-long", false, null, 0, "console", T0));

        assertThat(db.questions().topQuestions(T0, 1).get(0).text()).hasSize(LoggedQuestion.MAX_TEXT_LENGTH);
    }

    @Test
    void questionTextThatOnlyOneDatabaseCouldHoldIsCleanedTheSameForBoth() {
        // NUL is refused by PostgreSQL; a lone surrogate is not UTF-8. Emoji and accents are kept.
        db.questions().record(new LoggedQuestion("nul\u0000 half\uD83D caf\u00e9 \uD83D\uDE80", "h-odd", true, "s", 1,
                "discord", T0));
        db.feedback().record(new Feedback(ALICE, "nul\u0000", "h-odd", "s", null, false, T0));

        assertThat(db.questions().topQuestions(T0, 1).get(0).text()).isEqualTo("nul half\uFFFD caf\u00e9 \uD83D\uDE80");
        assertThat(db.questions().notHelpfulAnswers(T0, 1).get(0).questionText()).isEqualTo("nul");
    }

    // --- conversations --------------------------------------------------------------------------

    @Test
    void aConversationIsActiveWhileItsLastTurnLasts() {
        ConversationStore conversations = db.conversations();
        String thread = "slack:T1:C1:1700000000.000100";

        assertThat(conversations.active(thread)).as("nothing answered yet").isFalse();
        conversations.remember(thread, ALICE_ON_SLACK, "machine learning engineer salary", "salary#pay");
        assertThat(conversations.active(thread)).isTrue();
        assertThat(conversations.active("slack:T1:C1:1700000000.000200")).as("another thread").isFalse();

        clock.advance(Duration.ofMinutes(29));
        assertThat(conversations.active(thread)).isTrue();
        assertThat(conversations.recentTurns(thread)).extracting(Turn::topic)
                .containsExactly("machine learning engineer salary");
        clock.advance(Duration.ofMinutes(2));
        assertThat(conversations.active(thread)).as("expired after 30 minutes").isFalse();
        assertThat(conversations.recentTurns(thread)).isEmpty();
    }

    // --- processed events -----------------------------------------------------------------------

    @Test
    void processedEventsLetAKeyThroughOnceUntilItExpires() {
        ProcessedEvents events = db.processedEvents();
        Duration ttl = Duration.ofMinutes(10);

        assertThat(events.markIfNew("slack:T1:Ev1", ttl)).isTrue();
        assertThat(events.markIfNew("slack:T1:Ev1", ttl)).as("retry").isFalse();
        assertThat(events.markIfNew("slack:T1:Ev2", ttl)).isTrue();

        clock.advance(Duration.ofMinutes(9));
        assertThat(events.markIfNew("slack:T1:Ev1", ttl)).as("still remembered").isFalse();

        clock.advance(Duration.ofMinutes(2));
        assertThat(events.markIfNew("slack:T1:Ev1", ttl)).as("expired, so new again").isTrue();
        assertThat(events.markIfNew("slack:T1:Ev1", ttl)).isFalse();
    }

    @Test
    void purgeDeletesOnlyExpiredMarks() {
        ProcessedEvents events = db.processedEvents();
        events.markIfNew("a", Duration.ofMinutes(1));
        events.markIfNew("b", Duration.ofMinutes(1));
        events.markIfNew("c", Duration.ofHours(1));

        assertThat(events.purgeExpired()).isZero();
        clock.advance(Duration.ofMinutes(5));
        assertThat(events.purgeExpired()).isEqualTo(2);
        assertThat(events.purgeExpired()).isZero();
        assertThat(events.markIfNew("c", Duration.ofMinutes(1))).isFalse();
        assertThat(events.markIfNew("a", Duration.ofMinutes(1))).isTrue();
    }

    // --- migrations -----------------------------------------------------------------------------

    @Test
    void reopeningAppliesNothingTwiceAndKeepsTheData() throws Exception {
        db.progress().set(ALICE, "git", "install", true, T0);
        db.close();

        db = Database.open(settings, clock);
        db.close();
        db = Database.open(settings, clock);

        assertThat(db.progress().all(ALICE)).hasSize(1);
        try (Connection connection = db.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(
                     "SELECT version FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank")) {
            List<String> versions = new ArrayList<>();
            while (result.next()) {
                versions.add(result.getString(1));
            }
            assertThat(versions).containsExactly("1", "2", "3", "4");
        }
        assertThat(db.integrityCheck().ok()).isTrue();
    }

    // --- concurrency ----------------------------------------------------------------------------

    /**
     * A toggle is an increment modulo 2, so the final state of an item is fixed by how many times it
     * was toggled, whatever the interleaving; and each toggle's result must alternate, so a lost
     * update shows up as two toggles reporting the same new state.
     */
    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void concurrentTogglesLoseNoUpdate() throws Exception {
        int items = 10;
        AtomicIntegerArray toggles = new AtomicIntegerArray(items);
        AtomicIntegerArray reportedDone = new AtomicIntegerArray(items);
        runConcurrently((thread, i) -> {
            int item = (thread * 3 + i) % items; // every thread cycles through every item
            boolean done = db.progress().toggle(ALICE, "race", "item-" + item, T0.plusMillis(i));
            toggles.incrementAndGet(item);
            if (done) {
                reportedDone.incrementAndGet(item);
            }
        });

        Map<String, Boolean> finalState = new ConcurrentHashMap<>();
        db.progress().checklist(ALICE, "race").forEach(p -> finalState.put(p.itemId(), p.done()));
        for (int item = 0; item < items; item++) {
            int n = toggles.get(item);
            assertThat(n).isEqualTo(THREADS * OPERATIONS_PER_THREAD / items);
            assertThat(finalState.get("item-" + item)).as("item-%d after %d toggles", item, n).isEqualTo(n % 2 == 1);
            assertThat(reportedDone.get(item)).as("toggles of item-%d that reported done", item).isEqualTo((n + 1) / 2);
        }
    }

    /**
     * Writers draw a per-item sequence number and stamp their write with it; writes reach the
     * database in any order, and the state kept must be that of the highest number.
     */
    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void concurrentSetsKeepTheLastWritePerItem() throws Exception {
        int items = 16;
        AtomicLongArray sequence = new AtomicLongArray(items);
        AtomicLongArray winningSequence = new AtomicLongArray(items);
        AtomicIntegerArray winningDone = new AtomicIntegerArray(items);
        runConcurrently((thread, i) -> {
            int item = ThreadLocalRandom.current().nextInt(items);
            boolean done = ThreadLocalRandom.current().nextBoolean();
            long seq = sequence.incrementAndGet(item);
            db.progress().set(BOB, "race", "item-" + item, done, T0.plusMillis(seq));
            synchronized (winningSequence) {
                if (seq > winningSequence.get(item)) {
                    winningSequence.set(item, seq);
                    winningDone.set(item, done ? 1 : 0);
                }
            }
        });

        for (ItemProgress p : db.progress().checklist(BOB, "race")) {
            int item = Integer.parseInt(p.itemId().substring("item-".length()));
            assertThat(p.updatedAt()).isEqualTo(T0.plusMillis(winningSequence.get(item)));
            assertThat(p.done()).as(p.itemId()).isEqualTo(winningDone.get(item) == 1);
        }
        assertThat(db.progress().checklist(BOB, "race")).hasSize(items);
    }

    /** Pairs of threads vote for the same members at once; every member must count exactly once. */
    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void concurrentFeedbackCountsAreExact() throws Exception {
        int membersPerGroup = 250;
        runConcurrently((thread, i) -> {
            int member = (thread % 4) * membersPerGroup + i % membersPerGroup;
            boolean helpful = member % 3 != 0;
            db.feedback().record(new Feedback(new MemberId("slack", "T1", "u" + member), null, "h-" + (member % 7),
                    "source-" + (member % 5), null, helpful, T0.plusMillis(i)));
        });

        long expectedHelpful = 0;
        long expectedNotHelpful = 0;
        for (int member = 0; member < 4 * membersPerGroup; member++) {
            if (member % 5 == 0) {
                if (member % 3 != 0) {
                    expectedHelpful++;
                } else {
                    expectedNotHelpful++;
                }
            }
        }
        assertThat(db.feedback().countsFor("source-0"))
                .isEqualTo(new FeedbackCounts("source-0", expectedHelpful, expectedNotHelpful));
        assertThat(db.feedback().countsPerSource().stream().mapToLong(FeedbackCounts::total).sum())
                .isEqualTo(4 * membersPerGroup);
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void concurrentMarksLetEachKeyThroughExactlyOnce() throws Exception {
        int keys = 200;
        AtomicIntegerArray firstSeen = new AtomicIntegerArray(keys);
        AtomicInteger calls = new AtomicInteger();
        runConcurrently(200, (thread, i) -> {
            calls.incrementAndGet();
            if (db.processedEvents().markIfNew("event-" + i, Duration.ofMinutes(5))) {
                firstSeen.incrementAndGet(i);
            }
        });

        assertThat(calls.get()).isEqualTo(THREADS * keys);
        for (int key = 0; key < keys; key++) {
            assertThat(firstSeen.get(key)).as("event-%d", key).isEqualTo(1);
        }
    }

    // --- helpers --------------------------------------------------------------------------------

    static Feedback vote(MemberId member, String questionHash, String sourceId, boolean helpful) {
        return new Feedback(member, "question " + questionHash, questionHash, sourceId, null, helpful, T0);
    }

    /** One operation of a concurrent test: thread number and iteration number. */
    @FunctionalInterface
    interface Operation {
        void run(int thread, int iteration) throws Exception;
    }

    static void runConcurrently(Operation operation) throws Exception {
        runConcurrently(OPERATIONS_PER_THREAD, operation);
    }

    /** Runs {@code operation} on {@link #THREADS} threads released together, and rethrows any failure. */
    static void runConcurrently(int iterations, Operation operation) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < iterations; i++) {
                        operation.run(thread, i);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> result : results) {
                result.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
