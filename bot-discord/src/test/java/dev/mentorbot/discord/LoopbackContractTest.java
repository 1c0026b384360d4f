package dev.mentorbot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mentorbot.Fixtures;
import dev.mentorbot.ask.QuestionPrivacy;
import dev.mentorbot.command.Commands;
import dev.mentorbot.command.CoreContext;
import dev.mentorbot.command.OptionSpec;
import dev.mentorbot.content.KnowledgeBase;
import dev.mentorbot.platform.PlatformException;
import dev.mentorbot.retrieval.AnswerEngine;
import dev.mentorbot.state.Database;
import dev.mentorbot.state.DatabaseSettings;
import dev.mentorbot.state.ItemProgress;
import dev.mentorbot.state.MemberId;
import dev.mentorbot.state.Stores;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The adapter through the real JDA against a fake Discord on loopback: the exact HTTP calls JDA
 * makes for slash commands, buttons and mentions, and the tick reaching a real SQLite database.
 */
class LoopbackContractTest {
    private static final String USER = "7";
    private static KnowledgeBase kb;
    private static AnswerEngine engine;

    @TempDir
    Path dataDir;

    private FakeDiscord discord;
    private Database db;
    private Commands commands;
    private DiscordAdapter adapter;

    @BeforeAll
    static void content() throws Exception {
        kb = Fixtures.kb();
        engine = Fixtures.lexical();
    }

    @BeforeEach
    void open() throws Exception {
        discord = new FakeDiscord();
        db = Database.open(DatabaseSettings.sqlite(dataDir));
        commands = Commands.standard(new CoreContext(kb, engine, Stores.of(db), QuestionPrivacy.FULL, Clock.systemUTC()));
    }

    @AfterEach
    void close() throws Exception {
        if (adapter != null) {
            adapter.close();
        }
        discord.close();
        db.close();
    }

    private void start(Duration deferAfter) throws PlatformException {
        start(new DiscordSettings("fake-token", Optional.of(discord.restUrl()),
                Optional.of(discord.gatewayUrl()), false, 1, List.of(), deferAfter));
    }

    private void start(DiscordSettings settings) throws PlatformException {
        adapter = new DiscordAdapter(settings, commands::handle, Commands.standardSpecs(),
                Map.of(OptionSpec.Type.TOPIC, List.of(new Choice("coding", "Coding"))), Optional.of(db.processedEvents()));
        adapter.start();
        assertThat(adapter.connected()).isTrue();
    }

    private static String dmChannel() {
        return "{\"id\":\"500\",\"type\":1,\"recipients\":[" + FakeDiscord.user(USER, "ada", false) + "]}";
    }

    private static String interaction(String id, int type, String data, String extra) {
        return "{\"id\":\"" + id + "\",\"application_id\":\"" + FakeDiscord.APP_ID + "\",\"type\":" + type
                + ",\"token\":\"tok-" + id + "\",\"version\":1,\"channel_id\":\"500\",\"channel\":" + dmChannel()
                + ",\"user\":" + FakeDiscord.user(USER, "ada", false) + ",\"locale\":\"en-US\",\"app_permissions\":\"0\","
                + "\"entitlements\":[],\"authorizing_integration_owners\":{\"1\":\"" + USER + "\"},\"context\":1,"
                + "\"data\":" + data + extra + "}";
    }

    private static String slash(String id, String name, String optionsJson) {
        return interaction(id, 2, "{\"id\":\"900\",\"name\":\"" + name + "\",\"type\":1,\"options\":" + optionsJson + "}", "");
    }

    private static String option(String name, String value) {
        return "[{\"name\":\"" + name + "\",\"type\":3,\"value\":\"" + value + "\"}]";
    }

    private static String button(String id, String customId) {
        String message = ",\"message\":{\"id\":\"" + FakeDiscord.snowflake() + "\",\"channel_id\":\"500\",\"type\":0,"
                + "\"content\":\"\",\"author\":" + FakeDiscord.user(FakeDiscord.BOT_ID, "mentor", true)
                + ",\"timestamp\":\"2025-01-01T00:00:00.000000+00:00\",\"edited_timestamp\":null,\"tts\":false,"
                + "\"mention_everyone\":false,\"mentions\":[],\"mention_roles\":[],\"attachments\":[],"
                + "\"embeds\":[{\"type\":\"rich\",\"title\":\"Coding\",\"description\":\"0/2 done.\"}],"
                + "\"components\":[],\"pinned\":false,\"flags\":64}";
        return interaction(id, 3, "{\"custom_id\":\"" + customId + "\",\"component_type\":2}", message);
    }

    private static JsonNode json(FakeDiscord.Call call) {
        return Snapshots.tree(call.body());
    }

    @Test
    void slowAskIsDeferredThenTheThinkingResponseIsEditedIntoTheAnswerThatPingsNobody() throws Exception {
        start(Duration.ZERO);
        String id = FakeDiscord.snowflake();
        discord.dispatch("INTERACTION_CREATE", slash(id, "ask", option("question", "DL engineer salary @everyone")));

        FakeDiscord.Call callback = discord.next("POST", "interactions/" + id + "/tok-" + id + "/callback");
        assertThat(json(callback).get("type").asInt()).isEqualTo(5);
        assertThat(json(callback).at("/data/flags").asInt()).isZero();

        JsonNode edit = json(discord.next("PATCH", "webhooks/" + FakeDiscord.APP_ID + "/tok-" + id + "/messages/@original"));
        assertThat(edit.at("/embeds/0/description").asText()).contains("$95,500");
        assertThat(edit.at("/embeds/0/title").asText()).isEqualTo("DL engineer salary");
        assertThat(edit.at("/embeds/0/footer/text").asText()).startsWith("Source: Pay of ML engineers");
        assertThat(edit.at("/allowed_mentions/parse")).isEmpty();
        assertThat(edit.at("/components/0/components/0/custom_id").asText()).startsWith("feedback:helpful:*:");
        settle();
        // No follow-up under the placeholder: the member sees one message, the answer.
        assertThat(discord.calls).noneMatch(c -> c.method().equals("POST") && c.path().startsWith("webhooks/"));
    }

    @Test
    void aPrivateReplyToAPubliclyDeferredAskGoesToTheAskerAloneAndThePlaceholderIsRemoved() throws Exception {
        adapter = new DiscordAdapter(new DiscordSettings("fake-token", Optional.of(discord.restUrl()),
                Optional.of(discord.gatewayUrl()), false, 1, List.of(), Duration.ZERO),
                request -> dev.mentorbot.command.Reply.error("I'm answering a lot of questions; ask again in a minute."),
                Commands.standardSpecs(), Map.of(), Optional.empty());
        adapter.start();
        String id = FakeDiscord.snowflake();
        discord.dispatch("INTERACTION_CREATE", slash(id, "ask", option("question", "DL engineer salary")));

        assertThat(json(discord.next("POST", "interactions/" + id + "/tok-" + id + "/callback")).at("/data/flags").asInt())
                .as("a public deferral").isZero();
        JsonNode followUp = json(discord.next("POST", "webhooks/" + FakeDiscord.APP_ID + "/tok-" + id));
        assertThat(followUp.at("/content").asText()).startsWith("I'm answering a lot of questions");
        assertThat(followUp.get("flags").asInt() & 64).as("ephemeral").isEqualTo(64);
        discord.next("DELETE", "webhooks/" + FakeDiscord.APP_ID + "/tok-" + id + "/messages/@original");
        assertThat(discord.calls).noneMatch(c -> c.method().equals("PATCH"));
    }

    @Test
    void theAnswerTitleIsTheCleanedQuestionWithoutMentionMarkup() throws Exception {
        start(Duration.ofMillis(2500));
        String id = FakeDiscord.snowflake();
        discord.dispatch("INTERACTION_CREATE", slash(id, "ask",
                option("question", "<@123> <@!456> hi @everyone, DL engineer salary? @here")));

        JsonNode callback = json(discord.next("POST", "interactions/" + id + "/tok-" + id + "/callback"));
        assertThat(callback.at("/data/embeds/0/title").asText()).isEqualTo("DL engineer salary?");
        assertThat(callback.at("/data/embeds/0/description").asText()).contains("$95,500");
    }

    @Test
    void quickAskIsAnsweredInTheCallbackItself() throws Exception {
        start(Duration.ofMillis(2500));
        String id = FakeDiscord.snowflake();
        discord.dispatch("INTERACTION_CREATE", slash(id, "ask", option("question", "DL engineer salary")));

        JsonNode callback = json(discord.next("POST", "interactions/" + id + "/tok-" + id + "/callback"));
        assertThat(callback.get("type").asInt()).isEqualTo(4);
        assertThat(callback.at("/data/embeds/0/description").asText()).contains("$95,500");
        assertThat(callback.at("/data/allowed_mentions/parse")).isEmpty();
    }

    @Test
    void aHundredMembersAskingAtOnceAllGetAnswersBecauseInteractionsDoNotSpendTheGlobalBucket() throws Exception {
        // The serving core as `run` wires it, with a global bucket of 2 channel posts a second, so that a
        // burst that spent it would be turned away at once whatever the speed of the machine.
        dev.mentorbot.serve.ServingCore serving = new dev.mentorbot.serve.ServingCore(commands,
                new dev.mentorbot.serve.RateLimiter(new dev.mentorbot.serve.RateLimitSettings(10, 30, 2)),
                dev.mentorbot.serve.CoreMetrics.discarded());
        adapter = new DiscordAdapter(new DiscordSettings("fake-token", Optional.of(discord.restUrl()),
                Optional.of(discord.gatewayUrl()), false, 1, List.of(), Duration.ofMillis(2500)), serving::handle,
                Commands.standardSpecs(), Map.of(), Optional.of(db.processedEvents()));
        adapter.start();
        int askers = 100;
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < askers; i++) {
            String id;
            do {
                id = FakeDiscord.snowflake();
            } while (!ids.add(id));
            String user = Integer.toString(100 + i);
            discord.dispatch("INTERACTION_CREATE", slash(id, "ask", option("question", "DL engineer salary"))
                    .replace(FakeDiscord.user(USER, "ada", false), FakeDiscord.user(user, "member" + i, false)));
        }
        java.util.Map<String, String> answers = new java.util.HashMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (answers.size() < askers && System.nanoTime() < deadline) {
            FakeDiscord.Call c = discord.calls.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
            if (c == null) {
                continue;
            }
            java.util.regex.Matcher callback = java.util.regex.Pattern.compile("interactions/(\\d+)/tok-\\d+/callback")
                    .matcher(c.path());
            java.util.regex.Matcher edit = java.util.regex.Pattern.compile("webhooks/" + FakeDiscord.APP_ID
                    + "/tok-(\\d+)/messages/@original").matcher(c.path());
            JsonNode body = json(c);
            if (callback.matches() && body.get("type").asInt() == 4) {
                answers.put(callback.group(1), body.at("/data").toString());
            } else if (edit.matches() && c.method().equals("PATCH")) {
                answers.put(edit.group(1), body.toString());
            }
        }
        assertThat(answers.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(answers.values()).allMatch(a -> a.contains("$95,500"))
                .noneMatch(a -> a.contains("answering a lot of questions"));
    }

    @Test
    void tickAutocompletesTheItemsOfThePickedChecklistByName() throws Exception {
        adapter = new DiscordAdapter(new DiscordSettings("fake-token", Optional.of(discord.restUrl()),
                Optional.of(discord.gatewayUrl()), false, 1, List.of(), Duration.ofMillis(2500)), commands::handle,
                Commands.standardSpecs(), Map.of(OptionSpec.Type.TOPIC, List.of(new Choice("coding", "Coding")),
                OptionSpec.Type.ITEM, List.of(new Choice("coding/python", "Learn Python"),
                        new Choice("coding/git", "Use git"), new Choice("math/python-numpy", "Python for maths"))),
                Optional.of(db.processedEvents()));
        adapter.start();
        String id = FakeDiscord.snowflake();
        discord.dispatch("INTERACTION_CREATE", interaction(id, 4, "{\"id\":\"900\",\"name\":\"tick\",\"type\":1,"
                + "\"options\":[{\"name\":\"topic\",\"type\":3,\"value\":\"coding\"},"
                + "{\"name\":\"item\",\"type\":3,\"value\":\"pyth\",\"focused\":true}]}", ""));

        JsonNode callback = json(discord.next("POST", "interactions/" + id + "/tok-" + id + "/callback"));
        assertThat(callback.get("type").asInt()).isEqualTo(8);
        assertThat(callback.at("/data/choices")).hasSize(1);
        assertThat(callback.at("/data/choices/0/name").asText()).isEqualTo("Learn Python");
        assertThat(callback.at("/data/choices/0/value").asText()).isEqualTo("coding/python");
    }

    @Test
    void aProcessRunningShardsZeroAndOneOfFourIdentifiesWithExactlyThoseShards() throws Exception {
        // As `run` with DISCORD_SHARD_COUNT=4 and DISCORD_SHARD_IDS=0-1 would; another process runs 2-3.
        DiscordSettings settings = DiscordSettings.fromEnv(Map.of(DiscordSettings.TOKEN, "fake-token",
                DiscordSettings.SHARD_COUNT, "4", DiscordSettings.SHARD_IDS, "0-1",
                "DISCORD_REST_URL", discord.restUrl(), "DISCORD_GATEWAY_URL", discord.gatewayUrl()));
        start(settings);
        List<String> shards = discord.identifies.stream()
                .map(m -> Snapshots.tree(m).at("/d/shard").toString()).sorted().toList();
        assertThat(shards).containsExactly("[0,4]", "[1,4]");
    }

    @Test
    void helpListsSlashCommandsAsMembersTypeThemAndNeverFeedback() throws Exception {
        start(Duration.ofMillis(2500));
        String id = FakeDiscord.snowflake();
        discord.dispatch("INTERACTION_CREATE", slash(id, "help", "[]"));

        JsonNode callback = json(discord.next("POST", "interactions/" + id + "/tok-" + id + "/callback"));
        String shown = callback.at("/data").toString();
        assertThat(shown).contains("/ask <question>").contains("/tick <topic> <item>").doesNotContain("feedback");
    }

    @Test
    void forgetMeIsConfirmedWithADangerButtonThatDeletesTheClickersData() throws Exception {
        start(Duration.ofMillis(2500));
        MemberId member = new MemberId("discord", "dm", USER);
        commands.handle(new dev.mentorbot.command.CommandRequest("tick", Map.of("topic", "coding", "item", "python"), member));
        String id = FakeDiscord.snowflake();
        discord.dispatch("INTERACTION_CREATE", slash(id, "forget-me", "[]"));

        JsonNode asked = json(discord.next("POST", "interactions/" + id + "/tok-" + id + "/callback"));
        assertThat(asked.at("/data/flags").asInt() & 64).as("ephemeral").isEqualTo(64);
        assertThat(asked.at("/data").toString()).contains("press Delete my data");
        JsonNode confirm = asked.at("/data/components/0/components/0");
        assertThat(confirm.get("style").asInt()).as("danger").isEqualTo(4);
        assertThat(confirm.get("label").asText()).isEqualTo("Delete my data");
        assertThat(db.progress().checklist(member, "coding")).hasSize(1);

        String click = FakeDiscord.snowflake();
        discord.dispatch("INTERACTION_CREATE", button(click, confirm.get("custom_id").asText()));
        JsonNode deleted = json(discord.next("POST", "interactions/" + click + "/tok-" + click + "/callback"));
        assertThat(deleted.at("/data").toString()).contains("I no longer store anything about you");
        assertThat(db.progress().checklist(member, "coding")).isEmpty();
    }

    @Test
    void checklistButtonTicksTheItemInTheDatabaseAndUpdatesTheView() throws Exception {
        start(Duration.ofMillis(2500));
        String id = FakeDiscord.snowflake();
        discord.dispatch("INTERACTION_CREATE", button(id, "tick:item:" + USER + ":coding/python"));

        JsonNode callback = json(discord.next("POST", "interactions/" + id + "/tok-" + id + "/callback"));
        assertThat(callback.get("type").asInt()).isEqualTo(7);
        assertThat(callback.at("/data/embeds/0/description").asText()).contains("1/1 done");
        assertThat(callback.at("/data/components/0/components/0/custom_id").asText())
                .isEqualTo("untick:item:" + USER + ":coding/python");
        assertThat(db.progress().checklist(new MemberId("discord", "dm", USER), "coding"))
                .extracting(ItemProgress::itemId, ItemProgress::done).containsExactly(org.assertj.core.groups.Tuple.tuple("python", true));
    }

    @Test
    void nextAfterTicksShowsTheFollowingItems() throws Exception {
        start(Duration.ofMillis(2500));
        String follow = FakeDiscord.snowflake();
        discord.dispatch("INTERACTION_CREATE", slash(follow, "follow", option("track", "zero")));
        JsonNode followed = json(discord.next("POST", "interactions/" + follow + "/tok-" + follow + "/callback"));
        assertThat(followed.at("/data/flags").asInt() & 64).as("personal").isEqualTo(64);
        assertThat(followed.at("/data/embeds/0/title").asText()).isEqualTo("Your next step");
        assertThat(followed.at("/data/embeds/0/description").asText()).startsWith("You now follow From zero.")
                .contains("⬜ 1. Vectors and matrices");
        assertThat(followed.at("/data/components/0/components/0/custom_id").asText())
                .isEqualTo("tick:next:" + USER + ":math-basics/linear-algebra");

        // The tick button of the next view: the item is stored and the view shows the next step again.
        String click = FakeDiscord.snowflake();
        discord.dispatch("INTERACTION_CREATE", button(click, "tick:next:" + USER + ":math-basics/linear-algebra"));
        JsonNode redrawn = json(discord.next("POST", "interactions/" + click + "/tok-" + click + "/callback"));
        assertThat(redrawn.get("type").asInt()).as("the view is edited in place").isEqualTo(7);
        assertThat(redrawn.at("/data/embeds/0/title").asText()).isEqualTo("Your next step");
        assertThat(redrawn.at("/data/embeds/0/description").asText()).doesNotContain("Vectors and matrices")
                .contains("⬜ 1. Derivatives and gradients").contains("Track progress: 1/3 items");
        assertThat(redrawn.at("/data/components/0/components/0/custom_id").asText())
                .isEqualTo("tick:next:" + USER + ":math-basics/calculus");

        String tick = FakeDiscord.snowflake();
        discord.dispatch("INTERACTION_CREATE", slash(tick, "tick",
                "[{\"name\":\"topic\",\"type\":3,\"value\":\"coding\"},{\"name\":\"item\",\"type\":3,\"value\":\"python\"}]"));
        discord.next("POST", "interactions/" + tick + "/tok-" + tick + "/callback");

        String next = FakeDiscord.snowflake();
        discord.dispatch("INTERACTION_CREATE", slash(next, "next", "[]"));
        JsonNode shown = json(discord.next("POST", "interactions/" + next + "/tok-" + next + "/callback"));
        assertThat(shown.at("/data/embeds/0/description").asText()).contains("⬜ 1. Derivatives and gradients")
                .doesNotContain("Write small Python programs").contains("Track progress: 2/3 items (66%)");
        assertThat(shown.at("/data/components/0/components")).hasSize(1);
        assertThat(shown.at("/data/components/1/components/0/custom_id").asText()).isEqualTo("roadmap:open:*:from-zero");
        assertThat(db.progress().all(new MemberId("discord", "dm", USER))).extracting(ItemProgress::itemId)
                .containsExactlyInAnyOrder("linear-algebra", "python");
    }

    @Test
    void someoneElsesOrATamperedButtonIsRefusedAndChangesNothing() throws Exception {
        start(Duration.ofMillis(2500));
        for (String customId : List.of("tick:item:8:coding/python", "tick:item:7:coding/python/../x" + "y".repeat(90),
                "admin:nuke:*:all")) {
            String id = FakeDiscord.snowflake();
            discord.dispatch("INTERACTION_CREATE", button(id, customId));
            JsonNode callback = json(discord.next("POST", "interactions/" + id + "/tok-" + id + "/callback"));
            assertThat(callback.get("type").asInt()).isEqualTo(4);
            assertThat(callback.at("/data/flags").asInt() & 64).isEqualTo(64);
            assertThat(callback.at("/data/content").asText()).isIn(DiscordRequests.FOREIGN_BUTTON, DiscordRequests.UNKNOWN_BUTTON);
        }
        assertThat(db.progress().all(new MemberId("discord", "dm", USER))).isEmpty();
    }

    @Test
    void unknownCommandAndHugeOptionGetPoliteReplies() throws Exception {
        start(Duration.ofMillis(2500));
        String id = FakeDiscord.snowflake();
        discord.dispatch("INTERACTION_CREATE", slash(id, "dance", "[]"));
        JsonNode unknown = json(discord.next("POST", "interactions/" + id + "/tok-" + id + "/callback"));
        assertThat(unknown.at("/data/content").asText()).startsWith("I don't know the command 'dance'");
        assertThat(unknown.at("/data/flags").asInt() & 64).isEqualTo(64);

        String huge = FakeDiscord.snowflake();
        discord.dispatch("INTERACTION_CREATE", slash(huge, "ask", option("question", "salary ".repeat(857))));
        JsonNode answer = json(discord.next("POST", "interactions/" + huge + "/tok-" + huge + "/callback"));
        assertThat(answer.get("type").asInt()).isEqualTo(4);
        assertThat(answer.at("/data/embeds/0/title").asText()).hasSizeLessThanOrEqualTo(256);
    }

    @Test
    void aMessageMentioningTheBotGetsAReplyThatPingsNobody() throws Exception {
        start(Duration.ofMillis(2500));
        discord.dispatch("MESSAGE_CREATE", dmMessage("<@" + FakeDiscord.BOT_ID + "> DL engineer salary"));
        FakeDiscord.Call reply = discord.next("POST", "channels/500/messages");
        JsonNode body = json(reply);
        assertThat(body.at("/embeds/0/description").asText()).contains("$95,500");
        assertThat(body.at("/message_reference/message_id").asText()).isNotEmpty();
        assertThat(body.at("/allowed_mentions/parse")).isEmpty();
        assertThat(body.at("/allowed_mentions/replied_user").asBoolean()).isFalse();
    }

    @Test
    void aMessageThatIsOnlyAMentionGetsHelp() throws Exception {
        start(Duration.ofMillis(2500));
        discord.dispatch("MESSAGE_CREATE", dmMessage("<@" + FakeDiscord.BOT_ID + ">"));
        JsonNode body = json(discord.next("POST", "channels/500/messages"));
        assertThat(body.at("/embeds/0/title").asText()).isEqualTo("mentor-bot");
    }

    @Test
    void aDroppedGatewayConnectionIsResumedAndCounted() throws Exception {
        start(Duration.ofMillis(2500));
        assertThat(adapter.reconnects()).isZero();
        discord.dropConnections();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (adapter.reconnects() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(adapter.reconnects()).isEqualTo(1);
        // And it still answers after the reconnect.
        discord.dispatch("MESSAGE_CREATE", dmMessage("<@" + FakeDiscord.BOT_ID + "> DL engineer salary"));
        assertThat(json(discord.next("POST", "channels/500/messages")).at("/embeds/0/description").asText())
                .contains("$95,500");
    }

    @Test
    void aRejectedTokenIsOneClearMessage() {
        discord.rejectToken = true;
        assertThatThrownBy(() -> start(Duration.ZERO))
                .isInstanceOf(PlatformException.class)
                .hasMessageContaining("DISCORD_TOKEN")
                .hasMessageContaining("Developer Portal");
    }

    @Test
    void anUnreachableGatewayFailsWithinSecondsInOneMessageNamingItsVariableAndLogsNoStackTrace() throws Exception {
        String closed = "ws://127.0.0.1:" + closedPort() + "/";
        List<ch.qos.logback.classic.spi.ILoggingEvent> logged = logged(() -> {
            long began = System.nanoTime();
            assertThatThrownBy(() -> start(new DiscordSettings("fake-token", Optional.of(discord.restUrl()),
                    Optional.of(closed), false, 1, List.of(), Duration.ZERO)))
                    .isInstanceOf(PlatformException.class)
                    .hasMessage("Cannot connect to the Discord gateway at " + closed + " (Connection refused). "
                            + "Check the network, or DISCORD_GATEWAY_URL.");
            assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(5));
        });
        assertThat(logged).noneMatch(e -> e.getThrowableProxy() != null || e.getLevel().isGreaterOrEqual(
                ch.qos.logback.classic.Level.WARN));
    }

    @Test
    void anUnreachableRestUrlFailsInOneMessageNamingItsVariable() throws Exception {
        String closed = "http://127.0.0.1:" + closedPort() + "/api/v10/";
        List<ch.qos.logback.classic.spi.ILoggingEvent> logged = logged(() -> {
            long began = System.nanoTime();
            assertThatThrownBy(() -> start(new DiscordSettings("fake-token", Optional.of(closed),
                    Optional.of(discord.gatewayUrl()), false, 1, List.of(), Duration.ZERO)))
                    .isInstanceOf(PlatformException.class)
                    .hasMessage("Cannot reach Discord's REST API at " + closed + " (Connection refused). "
                            + "Check the network, or DISCORD_REST_URL.");
            assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(5));
        });
        assertThat(logged).noneMatch(e -> e.getThrowableProxy() != null || e.getLevel().isGreaterOrEqual(
                ch.qos.logback.classic.Level.WARN));
    }

    /** A loopback port nothing listens on: connecting to it is refused at once. */
    private static int closedPort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** What every logger logged while {@code action} ran. */
    private static List<ch.qos.logback.classic.spi.ILoggingEvent> logged(Runnable action) {
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> seen =
                new ch.qos.logback.core.read.ListAppender<>();
        seen.start();
        root.addAppender(seen);
        try {
            action.run();
        } finally {
            root.detachAppender(seen);
        }
        return List.copyOf(seen.list);
    }

    // ---- in a guild --------------------------------------------------------------------------------

    private static String guildMember() {
        return "{\"user\":" + FakeDiscord.user(USER, "ada", false) + ",\"roles\":[],\"permissions\":\"1024\","
                + "\"joined_at\":\"2025-01-01T00:00:00.000000+00:00\",\"deaf\":false,\"mute\":false,\"flags\":0}";
    }

    private static String guildSlash(String id, String name, String optionsJson) {
        return "{\"id\":\"" + id + "\",\"application_id\":\"" + FakeDiscord.APP_ID + "\",\"type\":2,\"token\":\"tok-" + id
                + "\",\"version\":1,\"guild_id\":\"" + FakeDiscord.GUILD_ID + "\",\"channel_id\":\"" + FakeDiscord.TEXT_CHANNEL_ID
                + "\",\"channel\":{\"id\":\"" + FakeDiscord.TEXT_CHANNEL_ID + "\",\"type\":0,\"guild_id\":\""
                + FakeDiscord.GUILD_ID + "\",\"name\":\"general\",\"position\":0,\"permission_overwrites\":[],"
                + "\"permissions\":\"1024\",\"flags\":0},\"guild\":{\"id\":\"" + FakeDiscord.GUILD_ID
                + "\",\"locale\":\"en-US\",\"features\":[]},\"guild_locale\":\"en-US\",\"member\":" + guildMember()
                + ",\"locale\":\"en-US\",\"app_permissions\":\"" + FakeDiscord.ALL_PERMISSIONS + "\",\"entitlements\":[],"
                + "\"authorizing_integration_owners\":{\"0\":\"" + FakeDiscord.GUILD_ID + "\"},\"context\":0,"
                + "\"data\":{\"id\":\"900\",\"name\":\"" + name + "\",\"type\":1,\"options\":" + optionsJson + "}}";
    }

    private static String guildMessage(String id, String content) {
        return guildMessage(FakeDiscord.TEXT_CHANNEL_ID, id, content);
    }

    private static String guildMessage(String channelId, String id, String content) {
        return guildMessage(channelId, id, content, "[" + FakeDiscord.user(FakeDiscord.BOT_ID, "mentor", true) + "]");
    }

    /** A member's message in the text channel that mentions nobody. */
    private static String guildChatter(String id, String content) {
        return guildMessage(FakeDiscord.TEXT_CHANNEL_ID, id, content, "[]");
    }

    private static String guildMessage(String channelId, String id, String content, String mentions) {
        return "{\"id\":\"" + id + "\",\"channel_id\":\"" + channelId + "\",\"guild_id\":\""
                + FakeDiscord.GUILD_ID + "\",\"type\":0,\"content\":\"" + content + "\",\"author\":"
                + FakeDiscord.user(USER, "ada", false) + ",\"member\":{\"roles\":[],\"joined_at\":"
                + "\"2025-01-01T00:00:00.000000+00:00\",\"deaf\":false,\"mute\":false,\"flags\":0},"
                + "\"timestamp\":\"2025-01-01T00:00:00.000000+00:00\",\"edited_timestamp\":null,\"tts\":false,"
                + "\"mention_everyone\":false,\"mentions\":" + mentions
                + ",\"mention_roles\":[],\"attachments\":[],\"embeds\":[],\"components\":[],\"pinned\":false,\"flags\":0}";
    }

    @Test
    void aSlashCommandInAGuildIsAnswered() throws Exception {
        discord.guildPermissions = FakeDiscord.ALL_PERMISSIONS;
        start(Duration.ofMillis(2500));
        String id = FakeDiscord.snowflake();
        discord.dispatch("INTERACTION_CREATE", guildSlash(id, "ask", option("question", "DL engineer salary @everyone")));

        JsonNode callback = json(discord.next("POST", "interactions/" + id + "/tok-" + id + "/callback"));
        assertThat(callback.get("type").asInt()).isEqualTo(4);
        assertThat(callback.at("/data/embeds/0/description").asText()).contains("$95,500");
        assertThat(callback.at("/data/allowed_mentions/parse")).isEmpty();
    }

    @Test
    void aMentionInAGuildChannelIsAnsweredInAThreadOnTheMessage() throws Exception {
        discord.guildPermissions = FakeDiscord.ALL_PERMISSIONS;
        start(Duration.ofMillis(2500));
        String messageId = FakeDiscord.snowflake();
        discord.dispatch("MESSAGE_CREATE", guildMessage(messageId, "<@" + FakeDiscord.BOT_ID + "> DL engineer salary @everyone"));

        FakeDiscord.Call opened = discord.next("POST", "channels/" + FakeDiscord.TEXT_CHANNEL_ID + "/messages/" + messageId + "/threads");
        assertThat(json(opened).get("name").asText()).isEqualTo("DL engineer salary");
        JsonNode answer = json(discord.next("POST", "channels/" + messageId + "/messages"));
        assertThat(answer.at("/embeds/0/description").asText()).contains("$95,500");
        assertThat(answer.at("/allowed_mentions/parse")).isEmpty();
        settle();
        assertThat(discord.calls).noneMatch(c -> c.path().equals("channels/" + FakeDiscord.TEXT_CHANNEL_ID + "/messages"));
    }

    @Test
    void aBareMentionInAGuildChannelGetsHelpInlineWithoutOpeningAThread() throws Exception {
        discord.guildPermissions = FakeDiscord.ALL_PERMISSIONS;
        start(Duration.ofMillis(2500));
        for (String content : List.of("<@" + FakeDiscord.BOT_ID + ">", "<@" + FakeDiscord.BOT_ID + "> <@123> @everyone")) {
            String messageId = FakeDiscord.snowflake();
            discord.dispatch("MESSAGE_CREATE", guildMessage(messageId, content));

            JsonNode reply = json(discord.next("POST", "channels/" + FakeDiscord.TEXT_CHANNEL_ID + "/messages"));
            assertThat(reply.at("/message_reference/message_id").asText()).isEqualTo(messageId);
            assertThat(reply.at("/embeds/0/title").asText() + reply.at("/content").asText()).doesNotContain("<@", "@everyone");
        }
        settle();
        assertThat(discord.calls).noneMatch(c -> c.path().endsWith("/threads"));
    }

    @Test
    void aGuildMessageThatDoesNotMentionTheBotIsIgnoredWithoutJdasMessageContentWarning() throws Exception {
        discord.guildPermissions = FakeDiscord.ALL_PERMISSIONS;
        start(Duration.ofMillis(2500));
        // JDA warns once per JVM; another test may have used up the warning.
        net.dv8tion.jda.internal.entities.ReceivedMessage.didContentIntentWarning = false;
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> seen =
                new ch.qos.logback.core.read.ListAppender<>();
        seen.start();
        root.addAppender(seen);
        try {
            String chatter = FakeDiscord.snowflake();
            discord.dispatch("MESSAGE_CREATE", guildChatter(chatter, ""));
            settle();
        } finally {
            root.detachAppender(seen);
        }
        assertThat(seen.list).extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                .noneMatch(m -> m.contains("MESSAGE_CONTENT"));
        assertThat(discord.calls).noneMatch(c -> c.path().startsWith("channels/" + FakeDiscord.TEXT_CHANNEL_ID));
    }

    @Test
    void aMentionInsideAThreadIsARepliedToInThatThreadWithoutOpeningAnother() throws Exception {
        discord.guildPermissions = FakeDiscord.ALL_PERMISSIONS;
        start(Duration.ofMillis(2500));
        String messageId = FakeDiscord.snowflake();
        discord.dispatch("MESSAGE_CREATE", guildMessage(FakeDiscord.EXISTING_THREAD_ID, messageId,
                "<@" + FakeDiscord.BOT_ID + "> DL engineer salary"));

        JsonNode reply = json(discord.next("POST", "channels/" + FakeDiscord.EXISTING_THREAD_ID + "/messages"));
        assertThat(reply.at("/embeds/0/description").asText()).contains("$95,500");
        assertThat(reply.at("/message_reference/message_id").asText()).isEqualTo(messageId);
        assertThat(reply.at("/allowed_mentions/parse")).isEmpty();
        assertThat(discord.calls).noneMatch(c -> c.path().endsWith("/threads"));
    }

    @Test
    void whenDiscordRefusesTheThreadTheAnswerIsAReplyInTheChannel() throws Exception {
        discord.guildPermissions = FakeDiscord.ALL_PERMISSIONS;
        discord.refuseThreads = true;
        start(Duration.ofMillis(2500));
        String messageId = FakeDiscord.snowflake();
        discord.dispatch("MESSAGE_CREATE", guildMessage(messageId, "<@" + FakeDiscord.BOT_ID + "> DL engineer salary"));

        discord.next("POST", "channels/" + FakeDiscord.TEXT_CHANNEL_ID + "/messages/" + messageId + "/threads");
        JsonNode reply = json(discord.next("POST", "channels/" + FakeDiscord.TEXT_CHANNEL_ID + "/messages"));
        assertThat(reply.at("/embeds/0/description").asText()).contains("$95,500");
        assertThat(reply.at("/message_reference/message_id").asText()).isEqualTo(messageId);
        assertThat(reply.at("/allowed_mentions/parse")).isEmpty();

        // Every refusal is a 403 counted toward Discord's invalid-request ban: the next mention does not ask again.
        String nextId = FakeDiscord.snowflake();
        discord.dispatch("MESSAGE_CREATE", guildMessage(nextId, "<@" + FakeDiscord.BOT_ID + "> DL engineer salary"));
        JsonNode next = json(discord.next("POST", "channels/" + FakeDiscord.TEXT_CHANNEL_ID + "/messages"));
        assertThat(next.at("/message_reference/message_id").asText()).isEqualTo(nextId);
        assertThat(discord.calls).noneMatch(c -> c.path().endsWith("/threads"));
    }

    @Test
    void whenDiscordRefusesTheAnswerInTheNewThreadItIsAReplyInTheChannel() throws Exception {
        discord.guildPermissions = FakeDiscord.ALL_PERMISSIONS;
        discord.refuseThreadMessages = true;
        start(Duration.ofMillis(2500));
        String messageId = FakeDiscord.snowflake();
        discord.dispatch("MESSAGE_CREATE", guildMessage(messageId, "<@" + FakeDiscord.BOT_ID + "> DL engineer salary"));

        discord.next("POST", "channels/" + FakeDiscord.TEXT_CHANNEL_ID + "/messages/" + messageId + "/threads");
        discord.next("POST", "channels/" + messageId + "/messages");
        JsonNode reply = json(discord.next("POST", "channels/" + FakeDiscord.TEXT_CHANNEL_ID + "/messages"));
        assertThat(reply.at("/embeds/0/description").asText()).contains("$95,500");
        assertThat(reply.at("/message_reference/message_id").asText()).isEqualTo(messageId);
        assertThat(reply.at("/allowed_mentions/parse")).isEmpty();
    }

    @Test
    void withoutThePermissionToOpenThreadsTheBotRepliesInTheChannelWithoutTrying() throws Exception {
        discord.guildPermissions = FakeDiscord.NO_THREADS;
        start(Duration.ofMillis(2500));
        String messageId = FakeDiscord.snowflake();
        discord.dispatch("MESSAGE_CREATE", guildMessage(messageId, "<@" + FakeDiscord.BOT_ID + "> DL engineer salary"));

        JsonNode reply = json(discord.next("POST", "channels/" + FakeDiscord.TEXT_CHANNEL_ID + "/messages"));
        assertThat(reply.at("/message_reference/message_id").asText()).isEqualTo(messageId);
        assertThat(discord.calls).noneMatch(c -> c.path().endsWith("/threads"));
    }

    // ---- conversations ----------------------------------------------------------------------------

    /** What the fixture article says deep learning engineers earn; ML engineers earn $70,000 to $90,000. */
    private static final String DL_PAY = "$95,500";

    private void startFollowing(boolean messageContent) throws PlatformException {
        discord.guildPermissions = FakeDiscord.ALL_PERMISSIONS;
        adapter = new DiscordAdapter(new DiscordSettings("fake-token", Optional.of(discord.restUrl()),
                Optional.of(discord.gatewayUrl()), false, 1, List.of(), Duration.ofMillis(2500), messageContent),
                commands::handle, Commands.standardSpecs(), Map.of(), Optional.of(db.processedEvents()),
                Optional.of(db.conversations()));
        adapter.start();
        assertThat(adapter.connected()).isTrue();
    }

    /** A mention in the text channel about deep learning pay, answered in a new thread; returns the thread's id. */
    private String askInANewThread() throws InterruptedException {
        String messageId = FakeDiscord.snowflake();
        discord.dispatch("MESSAGE_CREATE", guildMessage(messageId,
                "<@" + FakeDiscord.BOT_ID + "> how much do deep learning engineers earn?"));
        discord.next("POST", "channels/" + FakeDiscord.TEXT_CHANNEL_ID + "/messages/" + messageId + "/threads");
        return messageId;
    }

    @Test
    void withoutTheMessageContentIntentTheFirstAnswerInANewThreadSaysToMentionTheBot() throws Exception {
        startFollowing(false);
        String thread = askInANewThread();
        JsonNode first = json(discord.next("POST", "channels/" + thread + "/messages"));
        assertThat(first.at("/embeds/0/description").asText()).contains(DL_PAY);
        assertThat(first.at("/content").asText()).contains("mention me (<@" + FakeDiscord.BOT_ID + ">)");
        assertThat(first.at("/allowed_mentions/parse")).isEmpty();

        // A follow-up without a mention never reaches the bot's logic; one with a mention knows the subject.
        discord.dispatch("MESSAGE_CREATE", guildMessage(thread, FakeDiscord.snowflake(), "and in freedonia?", "[]"));
        discord.dispatch("MESSAGE_CREATE", guildMessage(thread, FakeDiscord.snowflake(),
                "<@" + FakeDiscord.BOT_ID + "> and in freedonia?"));
        JsonNode followUp = json(discord.next("POST", "channels/" + thread + "/messages"));
        assertThat(followUp.at("/embeds/0/description").asText()).contains(DL_PAY);
        assertThat(followUp.at("/content").asText()).as("the note comes once, with the first answer").isEmpty();
        settle();
        assertThat(discord.calls).noneMatch(c -> c.path().equals("channels/" + thread + "/messages"));
    }

    @Test
    void withTheMessageContentIntentAFollowUpWithoutMentionInTheBotsThreadIsAnsweredWithTheEarlierSubject()
            throws Exception {
        startFollowing(true);
        String thread = askInANewThread();
        JsonNode first = json(discord.next("POST", "channels/" + thread + "/messages"));
        assertThat(first.at("/content").asText()).isEqualTo(DiscordReplies.FOLLOW_UPS_HERE);

        discord.dispatch("MESSAGE_CREATE", guildMessage(thread, FakeDiscord.snowflake(), "and in freedonia?", "[]"));
        JsonNode followUp = json(discord.next("POST", "channels/" + thread + "/messages"));
        assertThat(followUp.at("/embeds/0/description").asText()).contains(DL_PAY);
        assertThat(followUp.at("/allowed_mentions/parse")).isEmpty();
    }

    @Test
    void theSameFollowUpOutsideAConversationDoesNotKnowTheSubject() throws Exception {
        startFollowing(true);
        // The control for the test above: in a fresh DM, the follow-up alone gets another answer.
        discord.dispatch("MESSAGE_CREATE", dmMessage("and in freedonia?"));
        JsonNode reply = json(discord.next("POST", "channels/500/messages"));
        assertThat(reply.toString()).doesNotContain(DL_PAY);
    }

    @Test
    void withTheIntentMessagesWithoutMentionInAThreadTheBotDidNotAnswerAreIgnored() throws Exception {
        startFollowing(true);
        discord.dispatch("MESSAGE_CREATE", guildMessage(FakeDiscord.EXISTING_THREAD_ID, FakeDiscord.snowflake(),
                "how much do deep learning engineers earn?", "[]"));
        discord.dispatch("MESSAGE_CREATE", guildChatter(FakeDiscord.snowflake(), "how much do deep learning engineers earn?"));
        settle();
        assertThat(discord.calls).noneMatch(c -> c.path().startsWith("channels/" + FakeDiscord.EXISTING_THREAD_ID)
                || c.path().startsWith("channels/" + FakeDiscord.TEXT_CHANNEL_ID));
        assertThat(db.questions().topQuestions(java.time.Instant.EPOCH, 10))
                .as("only the settling DM was asked").hasSize(1);
    }

    @Test
    void aDirectMessageConversationKnowsTheEarlierSubject() throws Exception {
        startFollowing(false);
        discord.dispatch("MESSAGE_CREATE", dmMessage("how much do deep learning engineers earn?"));
        assertThat(json(discord.next("POST", "channels/500/messages")).at("/embeds/0/description").asText())
                .contains(DL_PAY);
        discord.dispatch("MESSAGE_CREATE", dmMessage("and in freedonia?"));
        assertThat(json(discord.next("POST", "channels/500/messages")).at("/embeds/0/description").asText())
                .contains(DL_PAY);
    }

    /**
     * Waits until a later DM mention has been answered, so a stray message the adapter might send
     * after the one a test awaited has had time to reach the fake before the test says there was none.
     */
    private void settle() throws InterruptedException {
        discord.dispatch("MESSAGE_CREATE", dmMessage("<@" + FakeDiscord.BOT_ID + "> DL engineer salary"));
        discord.next("POST", "channels/500/messages");
    }

    private static String dmMessage(String content) {
        return "{\"id\":\"" + FakeDiscord.snowflake() + "\",\"channel_id\":\"500\",\"channel_type\":1,\"type\":0,"
                + "\"content\":\"" + content + "\",\"author\":" + FakeDiscord.user(USER, "ada", false)
                + ",\"timestamp\":\"2025-01-01T00:00:00.000000+00:00\",\"edited_timestamp\":null,\"tts\":false,"
                + "\"mention_everyone\":false,\"mentions\":[" + FakeDiscord.user(FakeDiscord.BOT_ID, "mentor", true)
                + "],\"mention_roles\":[],\"attachments\":[],\"embeds\":[],\"components\":[],\"pinned\":false,\"flags\":0}";
    }

    // ---- server errors ----------------------------------------------------------------------------

    @Test
    void aCallbackThatGetsA500IsSentAgainAndTheMemberGetsTheAnswer() throws Exception {
        start(Duration.ofMillis(2500));
        discord.failWith500("interactions/\\d+/[^/]+/callback", 1);
        String id = FakeDiscord.snowflake();
        discord.dispatch("INTERACTION_CREATE", slash(id, "ask", option("question", "DL engineer salary")));

        String callback = "interactions/" + id + "/tok-" + id + "/callback";
        discord.next("POST", callback);
        JsonNode second = json(discord.next("POST", callback));
        assertThat(second.get("type").asInt()).isEqualTo(4);
        assertThat(second.at("/data/embeds/0/description").asText()).contains("$95,500");
    }

    @Test
    void anEditOfTheDeferredResponseThatGetsA500IsSentAgain() throws Exception {
        start(Duration.ZERO);
        discord.failWith500("webhooks/.*", 1);
        String id = FakeDiscord.snowflake();
        discord.dispatch("INTERACTION_CREATE", slash(id, "ask", option("question", "DL engineer salary")));

        assertThat(json(discord.next("POST", "interactions/" + id + "/tok-" + id + "/callback")).get("type").asInt())
                .isEqualTo(5);
        String original = "webhooks/" + FakeDiscord.APP_ID + "/tok-" + id + "/messages/@original";
        discord.next("PATCH", original);
        assertThat(json(discord.next("PATCH", original)).at("/embeds/0/description").asText()).contains("$95,500");
    }

    @Test
    void aMentionReplyThatGetsA500IsSentAgain() throws Exception {
        start(Duration.ofMillis(2500));
        discord.failWith500("channels/500/messages", 1);
        discord.dispatch("MESSAGE_CREATE", dmMessage("<@" + FakeDiscord.BOT_ID + "> DL engineer salary"));
        discord.next("POST", "channels/500/messages");
        assertThat(json(discord.next("POST", "channels/500/messages")).at("/embeds/0/description").asText())
                .contains("$95,500");
    }

    @Test
    void aDeferralWhoseResponseWasLostCountsAsSentAndTheAnswerFollows() throws Exception {
        start(Duration.ZERO);
        // Discord acts on the deferral but the bot gets a 500; sent again, Discord says 40060 (already acknowledged).
        discord.loseCallbackResponses(1);
        String id = FakeDiscord.snowflake();
        discord.dispatch("INTERACTION_CREATE", slash(id, "ask", option("question", "DL engineer salary")));

        JsonNode edit = json(discord.next("PATCH", "webhooks/" + FakeDiscord.APP_ID + "/tok-" + id + "/messages/@original"));
        assertThat(edit.at("/embeds/0/description").asText()).contains("$95,500");
    }

    @Test
    void whenDiscordKeepsFailingTheCallbackStopsInsideItsThreeSecondsAndIsLoggedOnce() throws Exception {
        start(Duration.ofMillis(2500));
        discord.failWith500("interactions/\\d+/[^/]+/callback", 1000);
        ch.qos.logback.classic.Logger log = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("dev.mentorbot");
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> seen =
                new ch.qos.logback.core.read.ListAppender<>();
        seen.start();
        log.addAppender(seen);
        try {
            String id = FakeDiscord.snowflake();
            long created = (Long.parseLong(id) >>> 22) + 1420070400000L;
            discord.dispatch("INTERACTION_CREATE", slash(id, "ask", option("question", "DL engineer salary")));
            String callback = "interactions/" + id + "/tok-" + id + "/callback";
            discord.next("POST", callback);
            int attempts = 1;
            long last = System.currentTimeMillis();
            try {
                while (true) {
                    discord.next("POST", callback);
                    attempts++;
                    last = System.currentTimeMillis();
                }
            } catch (AssertionError noMore) {
                // no further attempt within 10 s
            }
            assertThat(attempts).isBetween(2, 5);
            assertThat(last - created).as("last attempt, ms after the interaction").isLessThan(3500);
            // Only this fake answers with 500s: a reply of an earlier test's bot, still failing
            // against its closed fake ("ConnectException"), may land in the shared logger meanwhile.
            assertThat(seen.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN))
                    .map(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                    .filter(m -> m.contains("500")).toList())
                    .singleElement().asString().contains("reply failed").doesNotContain("tok-");
        } finally {
            log.detachAppender(seen);
        }
    }
}
