package dev.mentorbot.slack;

import static dev.mentorbot.slack.HttpModeBot.eventCallback;
import static dev.mentorbot.slack.HttpModeBot.payload;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.mentorbot.command.CommandRequest;
import dev.mentorbot.command.Reply;
import dev.mentorbot.command.ReplyItem;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTP mode through the real Bolt on Jetty 12, against a fake Web API, over loopback. */
class HttpModeLoopbackTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;
    private HttpModeBot bot;
    private TestCore core;

    @BeforeEach
    void start() throws Exception {
        bot = new HttpModeBot();
        core = new TestCore(dir);
        assertThat(bot.start(core.commands, core.db).connected()).isTrue();
    }

    @AfterEach
    void stop() {
        bot.close();
        core.close();
        // Everything the bot sent in the test, checked as Slack checks it before accepting it.
        assertThat(bot.api.blockKitProblems).as("Block Kit problems in what the bot sent").isEmpty();
    }

    @Test
    void signedSlashAskIsAckedWithinThreeSecondsAndAnsweredThroughResponseUrl() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> r = bot.postForm(bot.slash("ask how much do ML engineers make", "ask1"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(r.statusCode()).isEqualTo(200);
        FakeSlackApi.Call answer = bot.api.await("respond", c -> c.body().contains("70,000"), WAIT);
        JsonObject json = answer.json();
        assertThat(json.get("response_type").getAsString()).isEqualTo("in_channel");
        assertThat(json.toString()).contains("\"type\":\"context\"").contains("feedback:helpful:*:");
    }

    @Test
    void emptyMentorAnswersWithHelpAndHugeTextIsPolite() throws Exception {
        assertThat(bot.postForm(bot.slash("", "help1")).statusCode()).isEqualTo(200);
        bot.api.await("respond", c -> c.body().contains("mentor-bot") && c.body().contains("ephemeral"), WAIT);
        assertThat(bot.postForm(bot.slash("x".repeat(10_000), "huge1")).statusCode()).isEqualTo(200);
        bot.api.await("respond", c -> c.body().contains("\"blocks\""), WAIT);
    }

    @Test
    void badSignatureIsRejected() throws Exception {
        String body = bot.slash("ask anything", "bad1");
        HttpRequest req = HttpRequest.newBuilder(bot.endpoint())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", Long.toString(Instant.now().getEpochSecond()))
                .header("X-Slack-Signature", "v0=" + "0".repeat(64))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        assertThat(bot.send(req).statusCode()).isEqualTo(401);
        HttpRequest unsigned = HttpRequest.newBuilder(bot.endpoint()).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        assertThat(bot.send(unsigned).statusCode()).isEqualTo(401);
    }

    @Test
    void timestampsSixMinutesOldOrAheadAreRejected() throws Exception {
        long now = Instant.now().getEpochSecond();
        String body = bot.slash("ask anything", "ts1");
        assertThat(bot.post(SignedRequests.FORM, body, now - 360, Map.of()).statusCode()).isEqualTo(401);
        assertThat(bot.post(SignedRequests.FORM, body, now + 360, Map.of()).statusCode()).isEqualTo(401);
        assertThat(bot.post(SignedRequests.FORM, body, now - 60, Map.of()).statusCode()).isEqualTo(200);
    }

    @Test
    void urlVerificationEchoesTheChallenge() throws Exception {
        HttpResponse<String> r = bot.postJson("{\"token\":\"legacy\",\"challenge\":\"c-123\",\"type\":\"url_verification\"}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("c-123");
    }

    @Test
    void anAppMentionDeliveredTwiceIsAnsweredOnceInItsThread() throws Exception {
        String event = eventCallback("Ev100", "{\"type\":\"app_mention\",\"user\":\"U1\",\"text\":\"<@UBOT> what is kaggle?\","
                + "\"ts\":\"1700000000.000100\",\"channel\":\"C1\",\"event_ts\":\"1700000000.000100\"}");
        assertThat(bot.postJson(event).statusCode()).isEqualTo(200);
        assertThat(bot.post(SignedRequests.JSON, event, Instant.now().getEpochSecond(),
                Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout")).statusCode()).isEqualTo(200);
        FakeSlackApi.Call answer = bot.api.await("chat.postMessage", c -> true, WAIT);
        assertThat(answer.params()).containsEntry("channel", "C1").containsEntry("thread_ts", "1700000000.000100");
        assertThat(answer.params().get("blocks")).contains("Kaggle");
        // Headed by the question without the bot's mention.
        com.google.gson.JsonObject header = com.google.gson.JsonParser.parseString(answer.params().get("blocks"))
                .getAsJsonArray().get(0).getAsJsonObject();
        assertThat(header.get("type").getAsString()).isEqualTo("header");
        assertThat(header.getAsJsonObject("text").get("text").getAsString()).isEqualTo("what is kaggle?");
        Thread.sleep(500);
        assertThat(bot.api.calls("chat.postMessage")).hasSize(1);
    }

    @Test
    void aDirectMessageIsAnsweredInlineAndBotMessagesAreIgnored() throws Exception {
        bot.postJson(eventCallback("Ev200", "{\"type\":\"message\",\"channel_type\":\"im\",\"user\":\"U1\",\"text\":\"do I need a phd?\","
                + "\"ts\":\"1700000000.000300\",\"channel\":\"D1\",\"event_ts\":\"1700000000.000300\"}"));
        bot.postJson(eventCallback("Ev201", "{\"type\":\"message\",\"channel_type\":\"im\",\"bot_id\":\"BOTHER\",\"user\":\"U9\","
                + "\"text\":\"loop\",\"ts\":\"1700000000.000400\",\"channel\":\"D1\",\"event_ts\":\"1700000000.000400\"}"));
        FakeSlackApi.Call answer = bot.api.await("chat.postMessage", c -> true, WAIT);
        // A one-to-one DM is a conversation: the answer follows the question, not in a thread under it.
        assertThat(answer.params()).containsEntry("channel", "D1").doesNotContainKey("thread_ts");
        assertThat(answer.params().get("blocks")).contains("PhD");
        Thread.sleep(300);
        assertThat(bot.api.calls("chat.postMessage")).hasSize(1);
    }

    @Test
    void aDirectMessageWrittenInAThreadIsAnsweredInThatThread() throws Exception {
        bot.postJson(eventCallback("Ev202", "{\"type\":\"message\",\"channel_type\":\"im\",\"user\":\"U1\",\"text\":\"do I need a phd?\","
                + "\"ts\":\"1700000000.000350\",\"thread_ts\":\"1700000000.000100\",\"channel\":\"D1\","
                + "\"event_ts\":\"1700000000.000350\"}"));
        FakeSlackApi.Call answer = bot.api.await("chat.postMessage", c -> true, WAIT);
        assertThat(answer.params()).containsEntry("channel", "D1").containsEntry("thread_ts", "1700000000.000100");
    }

    private static String dm(String subtypeFields) {
        return "{\"type\":\"message\",\"channel\":\"D1\",\"channel_type\":\"im\"," + subtypeFields
                + ",\"event_ts\":\"1700000001.000100\"}";
    }

    @Test
    void everyEventIsAckedWith200AndOnlyMembersNewWordsAreAnswered() throws Exception {
        Map<String, String> events = new java.util.LinkedHashMap<>();
        events.put("edit", dm("\"subtype\":\"message_changed\",\"hidden\":true,\"ts\":\"1700000001.000200\","
                + "\"message\":{\"type\":\"message\",\"user\":\"U1\",\"text\":\"what is kaggle, really?\","
                + "\"ts\":\"1700000001.000001\",\"edited\":{\"user\":\"U1\",\"ts\":\"1700000001.000200\"}},"
                + "\"previous_message\":{\"type\":\"message\",\"user\":\"U1\",\"text\":\"what is kaggle?\","
                + "\"ts\":\"1700000001.000001\"}"));
        events.put("delete", dm("\"subtype\":\"message_deleted\",\"hidden\":true,\"ts\":\"1700000001.000300\","
                + "\"deleted_ts\":\"1700000001.000001\",\"previous_message\":{\"type\":\"message\",\"user\":\"U1\","
                + "\"text\":\"what is kaggle?\",\"ts\":\"1700000001.000001\"}"));
        events.put("bot", dm("\"subtype\":\"bot_message\",\"bot_id\":\"BOTHER\",\"text\":\"what is kaggle?\","
                + "\"ts\":\"1700000001.000400\""));
        events.put("file", dm("\"subtype\":\"file_share\",\"user\":\"U1\",\"text\":\"do I need a phd for deep learning? my CV is attached\","
                + "\"ts\":\"1700000001.000500\",\"upload\":false,\"display_as_bot\":false,"
                + "\"files\":[{\"id\":\"F1\",\"name\":\"cv.pdf\",\"mimetype\":\"application/pdf\",\"filetype\":\"pdf\"}]"));
        events.put("broadcast", dm("\"subtype\":\"thread_broadcast\",\"user\":\"U1\",\"text\":\"what is kaggle?\","
                + "\"ts\":\"1700000001.000600\",\"thread_ts\":\"1700000001.000050\","
                + "\"root\":{\"type\":\"message\",\"user\":\"UBOT\",\"text\":\"earlier\",\"ts\":\"1700000001.000050\"}"));
        events.put("reaction", "{\"type\":\"reaction_added\",\"user\":\"U1\",\"reaction\":\"thumbsup\","
                + "\"item\":{\"type\":\"message\",\"channel\":\"D1\",\"ts\":\"1700000001.000001\"},"
                + "\"event_ts\":\"1700000001.000700\"}");
        for (Map.Entry<String, String> e : events.entrySet()) {
            HttpResponse<String> r = bot.postJson(eventCallback("Ev-" + e.getKey(), e.getValue()));
            assertThat(r.statusCode()).as(e.getKey()).isEqualTo(200);
        }
        // Match the answers' own words: a decline's suggestions also name Kaggle and the PhD.
        FakeSlackApi.Call file = bot.api.await("chat.postMessage", c -> c.params().get("blocks").contains("A PhD is not required"), WAIT);
        assertThat(file.params()).containsEntry("channel", "D1").doesNotContainKey("thread_ts");
        FakeSlackApi.Call broadcast = bot.api.await("chat.postMessage", c -> c.params().get("blocks").contains("Kaggle is a website"), WAIT);
        assertThat(broadcast.params()).containsEntry("thread_ts", "1700000001.000050");
        Thread.sleep(500);
        // The edit, the deletion and the other bot's message got no answer.
        assertThat(bot.api.calls("chat.postMessage")).as(bot.api.calls("chat.postMessage").toString()).hasSize(2);
    }

    @Test
    void aRateLimitedAnswerIsPostedAgainAfterRetryAfterNotLost() throws Exception {
        bot.api.rateLimitPostMessages.set(1);
        bot.postJson(eventCallback("Ev210", "{\"type\":\"message\",\"channel_type\":\"im\",\"user\":\"U1\",\"text\":\"do I need a phd?\","
                + "\"ts\":\"1700000000.000310\",\"channel\":\"D1\",\"event_ts\":\"1700000000.000310\"}"));
        long start = System.nanoTime();
        while (bot.api.calls("chat.postMessage").size() < 2 && System.nanoTime() - start < WAIT.toNanos()) {
            Thread.sleep(20);
        }
        assertThat(bot.api.calls("chat.postMessage")).hasSize(2);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("waited for Retry-After").isGreaterThan(Duration.ofMillis(800));
        assertThat(bot.api.calls("chat.postMessage").get(1).params().get("blocks")).contains("PhD");
    }

    @Test
    void retryAfterIsReadSafely() {
        assertThat(SlackCalls.retryAfterSeconds("3")).isEqualTo(3);
        assertThat(SlackCalls.retryAfterSeconds(null)).isEqualTo(1);
        assertThat(SlackCalls.retryAfterSeconds("soon")).isEqualTo(1);
        assertThat(SlackCalls.retryAfterSeconds("0")).isEqualTo(1);
        assertThat(SlackCalls.retryAfterSeconds("3600")).isEqualTo(SlackCalls.MAX_RETRY_AFTER_SECONDS);
    }

    private String checkboxAction(String owner, String selectedJson) {
        return checkboxAction(owner, "group0", selectedJson);
    }

    private String checkboxAction(String owner, String group, String selectedJson) {
        String payload = "{\"type\":\"block_actions\",\"team\":{\"id\":\"T1\",\"domain\":\"fixture\"},"
                + "\"user\":{\"id\":\"U1\",\"username\":\"ann\",\"team_id\":\"T1\"},\"api_app_id\":\"A1\",\"token\":\"legacy\","
                + "\"container\":{\"type\":\"message\",\"message_ts\":\"1700000000.000500\",\"channel_id\":\"C1\",\"is_ephemeral\":true},"
                + "\"trigger_id\":\"1.2\",\"channel\":{\"id\":\"C1\",\"name\":\"general\"},"
                + "\"response_url\":\"" + bot.api.responseUrl("tick") + "\","
                + "\"actions\":[{\"action_id\":\"mentor:checklist:" + group + ":" + owner + ":math-basics\",\"block_id\":\"checklist-0\","
                + "\"type\":\"checkboxes\",\"selected_options\":" + selectedJson + ",\"action_ts\":\"1700000000.1\"}]}";
        return payload(payload);
    }

    private boolean done(String userId, String itemId) {
        Reply view = core.commands.handle(new CommandRequest("checklist", Map.of("topic", "math-basics"),
                SlackText.member("T1", userId)));
        return view.items().stream().filter(i -> i.id().equals(itemId)).findFirst().map(ReplyItem::done).orElseThrow();
    }

    @Test
    void aCheckboxActionStoresProgressAndUpdatesTheMessageAndHome() throws Exception {
        String selected = "[{\"text\":{\"type\":\"plain_text\",\"text\":\"2. Derivatives and gradients\"},"
                + "\"value\":\"math-basics/calculus\"}]";
        assertThat(bot.postForm(checkboxAction("U1", selected)).statusCode()).isEqualTo(200);
        FakeSlackApi.Call update = bot.api.await("respond", c -> c.body().contains("replace_original\":true"), WAIT);
        assertThat(update.body()).contains("1/2 done").contains("initial_options");
        assertThat(done("U1", "math-basics/calculus")).isTrue();
        assertThat(done("U1", "math-basics/linear-algebra")).isFalse();
        bot.api.await("views.publish", c -> c.body().contains("U1") || c.params().getOrDefault("user_id", "").equals("U1"), WAIT);

        // Unticking everything in the group: Slack sends no selected options.
        bot.postForm(checkboxAction("U1", "[]"));
        bot.api.await("respond", c -> c.body().contains("0/2 done"), WAIT);
        assertThat(done("U1", "math-basics/calculus")).isFalse();
    }

    private String nextAction(String container, String selectedJson) {
        String payload = "{\"type\":\"block_actions\",\"team\":{\"id\":\"T1\",\"domain\":\"fixture\"},"
                + "\"user\":{\"id\":\"U1\",\"username\":\"ann\",\"team_id\":\"T1\"},\"api_app_id\":\"A1\",\"token\":\"legacy\","
                + "\"container\":" + container + ",\"trigger_id\":\"1.2\","
                + (container.contains("\"view\"") ? "" : "\"channel\":{\"id\":\"C1\",\"name\":\"general\"},"
                + "\"response_url\":\"" + bot.api.responseUrl("next-tick") + "\",")
                + "\"actions\":[{\"action_id\":\"mentor:next:tick:U1:\",\"block_id\":\"next-0-1\","
                + "\"type\":\"checkboxes\",\"selected_options\":" + selectedJson + ",\"action_ts\":\"1700000000.1\"}]}";
        return payload(payload);
    }

    private static String option(String text, String value) {
        return "{\"text\":{\"type\":\"plain_text\",\"text\":\"" + text + "\"},\"value\":\"" + value + "\"}";
    }

    private static String homeView(FakeSlackApi.Call publish) {
        return publish.params().getOrDefault("view", publish.body());
    }

    @Test
    void nextAfterTicksShowsTheFollowingItems() throws Exception {
        assertThat(bot.postForm(bot.slash("follow zero", "follow")).statusCode()).isEqualTo(200);
        FakeSlackApi.Call followed = bot.api.await("respond", c -> c.body().contains("You now follow From zero"), WAIT);
        assertThat(followed.json().get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(followed.body()).contains("mentor:next:tick:U1:").contains("1. Vectors and matrices")
                .contains("Track progress: 0/3 items");

        // The next step's checkbox: the same tick a checklist makes, then the message shows the next step again.
        String ticked = "[" + option("1. Vectors and matrices", "math-basics/linear-algebra") + "]";
        String message = "{\"type\":\"message\",\"message_ts\":\"1700000000.000500\",\"channel_id\":\"C1\",\"is_ephemeral\":true}";
        assertThat(bot.postForm(nextAction(message, ticked)).statusCode()).isEqualTo(200);
        FakeSlackApi.Call redrawn = bot.api.await("respond", c -> c.body().contains("replace_original\":true"), WAIT);
        assertThat(redrawn.body()).contains("Your next step").contains("1. Derivatives and gradients")
                .contains("2. Write small Python programs").doesNotContain("Vectors and matrices")
                .contains("Track progress: 1/3 items");
        assertThat(done("U1", "math-basics/linear-algebra")).isTrue();

        // The Home tab opens with the next step, before everything else.
        String home = homeView(bot.api.await("views.publish", c -> homeView(c).contains("Derivatives and gradients"), WAIT));
        assertThat(home.indexOf("Your next step")).isNotNegative().isLessThan(home.indexOf("Your mentor"));
        assertThat(home).contains("From zero (your track)");

        // A tick in the Home tab: no message to redraw, the tab is published again.
        String inHome = "{\"type\":\"view\",\"view_id\":\"V1\"}";
        bot.api.calls.clear();
        bot.postForm(nextAction(inHome, "[" + option("2. Write small Python programs", "coding/python") + "]"));
        String after = homeView(bot.api.await("views.publish", c -> homeView(c).contains("Track progress: 2/3"), WAIT));
        assertThat(after.substring(0, after.indexOf("Your mentor"))).contains("1. Derivatives and gradients")
                .doesNotContain("Write small Python programs");
        assertThat(bot.api.calls("respond")).isEmpty();

        bot.postForm(bot.slash("next", "next"));
        FakeSlackApi.Call next = bot.api.await("respond", c -> c.body().contains("Your next step"), WAIT);
        assertThat(next.body()).contains("1. Derivatives and gradients").contains("Track progress: 2/3 items (66%)");
    }

    @Test
    void theFollowButtonUnderARoadmapFollowsTheTrackForWhoeverClicks() throws Exception {
        bot.postForm(bot.slash("roadmap software", "roadmap"));
        FakeSlackApi.Call roadmap = bot.api.await("respond", c -> c.body().contains("Math refresh"), WAIT);
        assertThat(roadmap.body()).contains("Follow this track").contains("follow:track:*:from-software-engineering");

        String payload = "{\"type\":\"block_actions\",\"team\":{\"id\":\"T1\",\"domain\":\"fixture\"},"
                + "\"user\":{\"id\":\"U1\",\"username\":\"ann\",\"team_id\":\"T1\"},\"api_app_id\":\"A1\",\"token\":\"legacy\","
                + "\"container\":{\"type\":\"message\",\"message_ts\":\"1700000000.000500\",\"channel_id\":\"C1\",\"is_ephemeral\":true},"
                + "\"trigger_id\":\"1.2\",\"channel\":{\"id\":\"C1\",\"name\":\"general\"},"
                + "\"response_url\":\"" + bot.api.responseUrl("follow") + "\","
                + "\"actions\":[{\"action_id\":\"mentor:action-0\",\"block_id\":\"actions\",\"type\":\"button\","
                + "\"value\":\"follow:track:*:from-software-engineering\",\"action_ts\":\"1700000000.1\"}]}";
        bot.postForm(payload(payload));
        FakeSlackApi.Call followed = bot.api.await("respond", c -> c.body().contains("You now follow"), WAIT);
        assertThat(followed.body()).contains("You now follow From software engineering.").contains("mentor:next:tick:U1:");
        assertThat(core.db.tracks().followed(SlackText.member("T1", "U1"))).contains("from-software-engineering");
    }

    @Test
    void helpAndErrorsAreWrittenAsMembersTypeThemOnSlack() throws Exception {
        bot.postForm(bot.slash("help", "help2"));
        FakeSlackApi.Call help = bot.api.await("respond", c -> c.body().contains("mentor-bot"), WAIT);
        assertThat(help.body()).contains("`/mentor ask \\u0026lt;question\\u0026gt;`").contains("`/mentor next`")
                .doesNotContain("feedback");
        bot.postForm(bot.slash("tick math-basics", "tick-missing"));
        FakeSlackApi.Call missing = bot.api.await("respond", c -> c.body().contains("tick needs"), WAIT);
        assertThat(missing.body()).contains("/mentor tick needs item.");
    }

    @Test
    void forgetMeIsConfirmedWithADangerButtonInAPrivateView() throws Exception {
        core.commands.handle(new CommandRequest("tick", Map.of("topic", "math-basics", "item", "calculus"),
                SlackText.member("T1", "U1")));
        bot.postForm(bot.slash("forget-me", "forget"));
        FakeSlackApi.Call asked = bot.api.await("respond", c -> c.body().contains("Forget me"), WAIT);
        assertThat(asked.body()).contains("\"response_type\":\"ephemeral\"").contains("press Delete my data")
                .contains("\"style\":\"danger\"").contains("forget-me:confirm:*:yes");
        assertThat(done("U1", "math-basics/calculus")).isTrue();

        String payload = "{\"type\":\"block_actions\",\"team\":{\"id\":\"T1\",\"domain\":\"fixture\"},"
                + "\"user\":{\"id\":\"U1\",\"username\":\"ann\",\"team_id\":\"T1\"},\"api_app_id\":\"A1\",\"token\":\"legacy\","
                + "\"container\":{\"type\":\"message\",\"message_ts\":\"1700000000.000700\",\"channel_id\":\"C1\",\"is_ephemeral\":true},"
                + "\"trigger_id\":\"1.2\",\"channel\":{\"id\":\"C1\",\"name\":\"general\"},"
                + "\"response_url\":\"" + bot.api.responseUrl("forget-yes") + "\","
                + "\"actions\":[{\"action_id\":\"mentor:action-0\",\"block_id\":\"actions\",\"type\":\"button\","
                + "\"value\":\"forget-me:confirm:*:yes\",\"action_ts\":\"1700000000.1\"}]}";
        bot.postForm(payload(payload));
        FakeSlackApi.Call deleted = bot.api.await("respond", c -> c.body().contains("Deleted"), WAIT);
        assertThat(deleted.body()).contains("I no longer store anything about you").contains("\"replace_original\":true");
        assertThat(done("U1", "math-basics/calculus")).isFalse();
    }

    @Test
    void aForgedActionValueChangesNothingAndGetsAPoliteReply() throws Exception {
        String selected = "[{\"text\":{\"type\":\"plain_text\",\"text\":\"x\"},\"value\":\"math-basics/calculus\"}]";
        assertThat(bot.postForm(checkboxAction("U2", selected)).statusCode()).isEqualTo(200);
        bot.api.await("respond", c -> c.body().contains("belongs to someone else"), WAIT);
        assertThat(done("U2", "math-basics/calculus")).isFalse();
        assertThat(done("U1", "math-basics/calculus")).isFalse();

        String garbage = checkboxAction("U1", selected).replace("mentor%3Achecklist%3Agroup0", "mentor%3A%3C%21channel%3E");
        assertThat(bot.postForm(garbage).statusCode()).isEqualTo(200);
        bot.api.await("respond", c -> c.body().contains("understand that button"), WAIT);
    }

    @Test
    void aForgedCheckboxGroupNumberGetsAPoliteReplyAndTicksNothing() throws Exception {
        String selected = "[{\"text\":{\"type\":\"plain_text\",\"text\":\"x\"},\"value\":\"math-basics/calculus\"}]";
        for (String group : List.of("group-1", "group7", "group", "groupx")) {
            bot.api.calls.clear();
            assertThat(bot.postForm(checkboxAction("U1", group, selected)).statusCode())
                    .as(group).isEqualTo(200);
            FakeSlackApi.Call reply = bot.api.await("respond", c -> true, WAIT);
            assertThat(reply.json().get("text").getAsString()).as(group).contains("couldn't read that checklist");
        }
        assertThat(done("U1", "math-basics/calculus")).isFalse();
    }

    @Test
    void aSignedPayloadThatIsNotJsonGetsAnErrorStatus() throws Exception {
        HttpResponse<String> r = bot.postForm("payload=this+is+not+json");
        assertThat(r.statusCode()).isBetween(400, 499);
        HttpResponse<String> r2 = bot.postJson("{not json");
        assertThat(r2.statusCode()).isBetween(400, 499);
        assertThat(bot.adapter().connected()).isTrue();
    }

    @Test
    void openingTheAppHomePublishesTheView() throws Exception {
        bot.postJson(eventCallback("Ev300", "{\"type\":\"app_home_opened\",\"user\":\"U1\",\"channel\":\"D1\",\"tab\":\"home\","
                + "\"event_ts\":\"1700000000.000600\"}"));
        FakeSlackApi.Call publish = bot.api.await("views.publish", c -> true, WAIT);
        String view = publish.params().getOrDefault("view", publish.body());
        assertThat(view).contains("\"type\":\"home\"").contains("checkboxes").contains("Your progress");
    }
}
