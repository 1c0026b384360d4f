package dev.mentorbot.slack;

import static dev.mentorbot.slack.HttpModeBot.eventCallback;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Threads and DMs as conversations, through the real Bolt in HTTP mode against the fake Web API:
 * follow-ups understood with the earlier subject, replies without a mention answered only in the
 * threads the bot answered in, and one answer per message.
 */
class ThreadFollowUpLoopbackTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** What the fixture article says deep learning engineers earn; ML engineers earn $70,000 to $90,000. */
    private static final String DL_PAY = "95,500";
    private static final String ROOT = "1700000000.000100";

    @TempDir
    Path dir;
    private HttpModeBot bot;
    private TestCore core;

    @BeforeEach
    void setUp() throws Exception {
        bot = new HttpModeBot();
        core = new TestCore(dir);
    }

    /** Each test starts the app itself: with thread follow-ups on or off. */
    private void start(boolean threadFollowUps) throws Exception {
        bot.startWithConversations(core.commands, core.db, threadFollowUps);
    }

    @AfterEach
    void stop() {
        bot.close();
        core.close();
        assertThat(bot.api.blockKitProblems).as("Block Kit problems in what the bot sent").isEmpty();
    }

    private void event(String eventId, String eventJson) throws Exception {
        assertThat(bot.postJson(eventCallback(eventId, eventJson)).statusCode()).isEqualTo(200);
    }

    private static String mention(String text, String ts, String threadTs) {
        return "{\"type\":\"app_mention\",\"user\":\"U1\",\"text\":\"" + text + "\",\"ts\":\"" + ts + "\","
                + (threadTs == null ? "" : "\"thread_ts\":\"" + threadTs + "\",")
                + "\"channel\":\"C1\",\"event_ts\":\"" + ts + "\"}";
    }

    /** A member's message in channel C1, in the thread under {@code threadTs}. */
    private static String threadMessage(String user, String text, String ts, String threadTs) {
        return "{\"type\":\"message\",\"channel_type\":\"channel\",\"user\":\"" + user + "\",\"text\":\"" + text
                + "\",\"ts\":\"" + ts + "\",\"thread_ts\":\"" + threadTs + "\",\"channel\":\"C1\",\"event_ts\":\""
                + ts + "\"}";
    }

    private static String dm(String text, String ts) {
        return "{\"type\":\"message\",\"channel_type\":\"im\",\"user\":\"U1\",\"text\":\"" + text + "\",\"ts\":\""
                + ts + "\",\"channel\":\"D1\",\"event_ts\":\"" + ts + "\"}";
    }

    private FakeSlackApi.Call answerContaining(String words) throws InterruptedException {
        return bot.api.await("chat.postMessage", c -> c.params().get("blocks").contains(words), WAIT);
    }

    /** Waits for the first {@code n} answers, then long enough for a wrong extra one to show. */
    private java.util.List<FakeSlackApi.Call> answersAfterQuiet(int n) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (bot.api.calls("chat.postMessage").size() < n && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(700);
        return bot.api.calls("chat.postMessage");
    }

    @Test
    void aReplyWithoutMentionInTheBotsThreadIsAnsweredThereWithTheEarlierSubject() throws Exception {
        start(true);
        event("Ev1", mention("<@UBOT> how much do deep learning engineers earn?", ROOT, null));
        FakeSlackApi.Call first = answerContaining(DL_PAY);
        assertThat(first.params()).containsEntry("thread_ts", ROOT);

        // Another member follows up in the thread without mentioning the bot.
        event("Ev2", threadMessage("U2", "and in freedonia?", "1700000000.000300", ROOT));
        java.util.List<FakeSlackApi.Call> answers = answersAfterQuiet(2);
        assertThat(answers).hasSize(2);
        assertThat(answers.get(1).params()).containsEntry("channel", "C1").containsEntry("thread_ts", ROOT);
        assertThat(answers.get(1).params().get("blocks")).as("answered about deep learning pay").contains(DL_PAY);
    }

    @Test
    void theSameFollowUpOutsideTheConversationDoesNotKnowTheSubject() throws Exception {
        start(true);
        // The control for the test above: asked on its own, the follow-up gets another answer.
        event("Ev10", mention("<@UBOT> and in freedonia?", "1700000000.000900", null));
        java.util.List<FakeSlackApi.Call> answers = answersAfterQuiet(1);
        assertThat(answers).hasSize(1);
        assertThat(answers.get(0).params().get("blocks")).doesNotContain(DL_PAY);
    }

    @Test
    void repliesInThreadsTheBotDidNotAnswerAreIgnoredAndNotLogged() throws Exception {
        start(true);
        event("Ev20", threadMessage("U2", "how much do deep learning engineers earn?", "1700000001.000300",
                "1700000001.000100"));
        assertThat(answersAfterQuiet(0)).isEmpty();
        assertThat(core.db.questions().topQuestions(Instant.EPOCH, 10)).as("nothing in the question log").isEmpty();
        // A message at the top of a channel, outside threads, is not for the bot either.
        event("Ev21", "{\"type\":\"message\",\"channel_type\":\"channel\",\"user\":\"U2\",\"text\":\"what is kaggle?\","
                + "\"ts\":\"1700000001.000500\",\"channel\":\"C1\",\"event_ts\":\"1700000001.000500\"}");
        assertThat(answersAfterQuiet(0)).isEmpty();
    }

    @Test
    void aMentionInTheBotsThreadIsAnsweredOnceThoughItArrivesTwice() throws Exception {
        start(true);
        event("Ev30", mention("<@UBOT> how much do deep learning engineers earn?", ROOT, null));
        answerContaining(DL_PAY);
        // Slack sends a mention in a channel thread both as app_mention and as a message event.
        String ts = "1700000000.000500";
        event("Ev31", threadMessage("U1", "<@UBOT> what is kaggle?", ts, ROOT));
        event("Ev32", mention("<@UBOT> what is kaggle?", ts, ROOT));
        java.util.List<FakeSlackApi.Call> answers = answersAfterQuiet(2);
        assertThat(answers).as(answers.toString()).hasSize(2);
        assertThat(answers.get(1).params().get("blocks")).contains("Kaggle is a website");
        assertThat(answers.get(1).params()).containsEntry("thread_ts", ROOT);
    }

    @Test
    void withThreadFollowUpsOffOnlyMentionsAreAnswered() throws Exception {
        start(false);
        event("Ev40", mention("<@UBOT> how much do deep learning engineers earn?", ROOT, null));
        answerContaining(DL_PAY);
        event("Ev41", threadMessage("U2", "and in freedonia?", "1700000000.000300", ROOT));
        assertThat(answersAfterQuiet(1)).hasSize(1);
        // A mention in the thread is still a conversation: it knows the subject.
        event("Ev42", mention("<@UBOT> and in freedonia?", "1700000000.000400", ROOT));
        java.util.List<FakeSlackApi.Call> answers = answersAfterQuiet(2);
        assertThat(answers).hasSize(2);
        assertThat(answers.get(1).params().get("blocks")).contains(DL_PAY);
    }

    @Test
    void aDirectMessageConversationKnowsTheEarlierSubject() throws Exception {
        start(true);
        event("Ev50", dm("how much do deep learning engineers earn?", "1700000002.000100"));
        answerContaining(DL_PAY);
        event("Ev51", dm("and in freedonia?", "1700000002.000200"));
        java.util.List<FakeSlackApi.Call> answers = answersAfterQuiet(2);
        assertThat(answers).hasSize(2);
        assertThat(answers.get(1).params()).containsEntry("channel", "D1").doesNotContainKey("thread_ts");
        assertThat(answers.get(1).params().get("blocks")).contains(DL_PAY);
    }
}
