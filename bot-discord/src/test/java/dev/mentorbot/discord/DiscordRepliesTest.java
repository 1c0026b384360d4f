package dev.mentorbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mentorbot.command.Commands;
import dev.mentorbot.command.OptionSpec;
import dev.mentorbot.command.Reply;
import dev.mentorbot.command.ReplyItem;
import dev.mentorbot.retrieval.SourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.Test;

/** Core replies to the exact message JSON JDA sends, compared with snapshot files. */
class DiscordRepliesTest {
    private static final SourceRef PAY = new SourceRef("Pay of ML engineers", "Deep learning engineer salary",
            "Fixture career article", "pay#deep-learning-engineer-salary", 0.82);

    private static String json(MessageCreateData data) {
        return data.toData().toString();
    }

    private static JsonNode tree(Reply reply, DiscordReplies.View view) {
        return Snapshots.tree(json(DiscordReplies.render(reply, view)));
    }

    @Test
    void answerIsAnEmbedWithSourceRelatedQuestionsAndFeedbackButtons() {
        Reply reply = new Reply(Reply.Kind.ANSWER, "", "Deep learning engineers in Freedonia earn about $95,500 a year.",
                List.of(PAY), List.of("What is Kaggle?", "Do I need a PhD for deep learning?"), List.of(), false);
        Snapshots.assertMatches("answer", json(DiscordReplies.render(reply,
                new DiscordReplies.View("ask", "DL engineer salary", "7"))));
    }

    @Test
    void declineHasNoFeedbackButtons() {
        Reply reply = new Reply(Reply.Kind.DECLINED, "", "I don't know that one yet.", List.of(), List.of("What is Kaggle?"),
                List.of(), false);
        Snapshots.assertMatches("declined", json(DiscordReplies.render(reply,
                new DiscordReplies.View("ask", "best pizza in town", "7"))));
    }

    @Test
    void checklistButtonsTickOrUntickForTheirOwner() {
        Reply reply = new Reply(Reply.Kind.CHECKLIST, "Coding", "Done: Write small Python programs. 1/2 done.",
                List.of(new SourceRef("Checklist", "Coding", "Fixture editors", "coding", 1.0)), List.of(),
                List.of(new ReplyItem("coding/python", "Write small Python programs", true, ""),
                        new ReplyItem("coding/git", "Use git", false, "")), true);
        Snapshots.assertMatches("checklist", json(DiscordReplies.render(reply, new DiscordReplies.View("tick", "", "7"))));
    }

    @Test
    void topicListOpensChecklists() {
        Reply reply = new Reply(Reply.Kind.LIST, "Checklists", "Pick a topic:", List.of(), List.of(),
                List.of(new ReplyItem("math-basics", "Math basics (0/2 done)", false, "The mathematics to learn first."),
                        new ReplyItem("coding", "Coding (1/2 done)", false, "")), true);
        Snapshots.assertMatches("checklist-topics", json(DiscordReplies.render(reply,
                new DiscordReplies.View("checklist", "", "7"))));
    }

    @Test
    void errorIsPlainContent() {
        Snapshots.assertMatches("error", json(DiscordReplies.render(Reply.error("I don't know the command 'dance'."),
                new DiscordReplies.View("dance", "", "7"))));
    }

    @Test
    void slashCommandsComeFromTheCoreSpecs() {
        List<CommandData> commands = SlashCommands.of(Commands.standardSpecs(), Map.of(
                OptionSpec.Type.TRACK, List.of(new Choice("from-zero", "From zero"),
                        new Choice("from-software-engineering", "From software engineering")),
                OptionSpec.Type.TOPIC, List.of(new Choice("math-basics", "Math basics"), new Choice("coding", "Coding")),
                OptionSpec.Type.ITEM, List.of(new Choice("coding/python", "Learn Python"))));
        DataArray array = DataArray.empty();
        commands.forEach(c -> array.add(c.toData()));
        Snapshots.assertMatches("slash-commands", array.toString());
        assertThat(commands).extracting(CommandData::getName).doesNotContain("feedback").contains("ask", "forget-me");
    }

    @Test
    void tracksTopicsAndItemsAutocompleteByNameWithinDiscordsLimits() {
        List<CommandData> commands = SlashCommands.of(Commands.standardSpecs(), Map.of(
                OptionSpec.Type.TRACK, List.of(new Choice("from-zero", "From zero")),
                OptionSpec.Type.TOPIC, List.of(new Choice("coding", "Coding")),
                OptionSpec.Type.ITEM, List.of(new Choice("coding/python", "Learn Python"))));
        for (String name : List.of("roadmap", "path", "checklist", "tick", "untick")) {
            JsonNode command = Snapshots.tree(commands.stream().filter(c -> c.getName().equals(name))
                    .findFirst().orElseThrow().toData().toString());
            assertThat(command.at("/options").findValues("autocomplete")).as(name)
                    .allMatch(JsonNode::asBoolean).isNotEmpty();
        }
        String longText = "Read ".repeat(40);
        List<Choice> items = List.of(new Choice("coding/python", "Learn Python"), new Choice("coding/git", "Use git"),
                new Choice("math/calculus", "Derivatives and gradients"), new Choice("math/long", longText));
        // Only the picked checklist's items, filtered by what is typed, by name.
        assertThat(SlashCommands.complete(items, "", "coding")).extracting(c -> c.getName())
                .containsExactly("Learn Python", "Use git");
        assertThat(SlashCommands.complete(items, "deriv", "math")).extracting(c -> c.getAsString())
                .containsExactly("math/calculus");
        assertThat(SlashCommands.complete(items, "", "math")).allSatisfy(c -> assertThat(c.getName()).hasSizeLessThanOrEqualTo(100));
    }

    @Test
    void manyTopicsSwitchToAutocomplete() {
        List<Choice> many = IntStream.range(0, 30).mapToObj(i -> new Choice("t" + i, "Topic " + i)).toList();
        List<CommandData> commands = SlashCommands.of(Commands.standardSpecs(), Map.of(OptionSpec.Type.TOPIC, many));
        JsonNode checklist = Snapshots.tree(commands.stream().filter(c -> c.getName().equals("checklist"))
                .findFirst().orElseThrow().toData().toString());
        assertThat(checklist.at("/options/0/autocomplete").asBoolean()).isTrue();
        assertThat(SlashCommands.complete(many, "topic 29")).hasSize(1);
        assertThat(SlashCommands.complete(many, "")).hasSize(25);
    }

    @Test
    void noMessageMayPingAnyone() {
        Reply echo = new Reply(Reply.Kind.ANSWER, "", "@everyone <@&123> <@456>", List.of(), List.of(), List.of(), false);
        for (Reply r : List.of(echo, Reply.error("@everyone hi"))) {
            JsonNode allowed = tree(r, new DiscordReplies.View("ask", "@here", "7")).get("allowed_mentions");
            assertThat(allowed.get("parse")).isEmpty();
            assertThat(allowed.has("users") ? allowed.get("users") : Snapshots.tree("[]")).isEmpty();
            assertThat(allowed.has("roles") ? allowed.get("roles") : Snapshots.tree("[]")).isEmpty();
        }
    }

    @Test
    void hugeAnswersAreSplitAndTrimmedWithinEmbedLimits() {
        String para = "Machine learning engineers earn a lot of money in Freedonia. ".repeat(40);
        String text = String.join("\n", java.util.Collections.nCopies(12, para));
        Reply reply = new Reply(Reply.Kind.ANSWER, "t".repeat(400), text,
                List.of(PAY), List.of("q".repeat(300)), List.of(), false);
        JsonNode msg = tree(reply, new DiscordReplies.View("ask", "q", "7"));
        int total = 0;
        for (JsonNode e : msg.get("embeds")) {
            assertThat(e.path("title").asText()).hasSizeLessThanOrEqualTo(256);
            assertThat(e.path("description").asText()).hasSizeLessThanOrEqualTo(4096);
            assertThat(e.path("footer").path("text").asText()).hasSizeLessThanOrEqualTo(2048);
            total += e.path("title").asText().length() + e.path("description").asText().length()
                    + e.path("footer").path("text").asText().length();
        }
        assertThat(msg.get("embeds").size()).isBetween(2, 10);
        assertThat(total).isLessThanOrEqualTo(6000);

        Reply longFooter = new Reply(Reply.Kind.ANSWER, "", text,
                List.of(new SourceRef("x".repeat(1500), "y".repeat(1500), "z", "p", 1.0)), List.of(), List.of(), false);
        JsonNode footed = tree(longFooter, new DiscordReplies.View("ask", "q", "7"));
        JsonNode last = footed.get("embeds").get(footed.get("embeds").size() - 1);
        assertThat(last.path("footer").path("text").asText()).hasSizeLessThanOrEqualTo(2048).endsWith("…");
        for (JsonNode row : msg.get("components")) {
            for (JsonNode b : row.get("components")) {
                assertThat(b.get("custom_id").asText()).hasSizeLessThanOrEqualTo(100);
                assertThat(b.get("label").asText()).hasSizeLessThanOrEqualTo(80);
            }
        }
    }

    @Test
    void longErrorsAndLongChecklistsStayWithinLimits() {
        JsonNode error = tree(Reply.error("no ".repeat(3000)), new DiscordReplies.View("x", "", "7"));
        assertThat(error.get("content").asText()).hasSizeLessThanOrEqualTo(2000).endsWith("…");

        List<ReplyItem> items = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            items.add(new ReplyItem("a-very-long-checklist-identifier/item-number-" + i + "-" + "x".repeat(40),
                    "Item " + i + " " + "words ".repeat(30), i % 2 == 0, "detail"));
        }
        Reply big = new Reply(Reply.Kind.CHECKLIST, "Big", "Lots.", List.of(), List.of(), items, true);
        JsonNode msg = tree(big, new DiscordReplies.View("checklist", "", "123456789012345678"));
        assertThat(msg.get("components").size()).isLessThanOrEqualTo(5);
        msg.get("components").forEach(row -> assertThat(row.get("components").size()).isLessThanOrEqualTo(5));
    }

    @Test
    void emptyRepliesStillRender() {
        Reply empty = new Reply(Reply.Kind.LIST, "", "", List.of(), List.of(), List.of(), true);
        assertThat(tree(empty, new DiscordReplies.View("progress", "", "7")).get("embeds")).hasSize(1);
        assertThat(tree(Reply.error(""), new DiscordReplies.View("x", "", "7")).get("content").asText()).isNotBlank();
    }

    @Test
    void theQuestionIsReadBackFromTheAnswerTitle() {
        Reply reply = new Reply(Reply.Kind.ANSWER, "", "text", List.of(PAY), List.of(), List.of(), false);
        MessageCreateData data = DiscordReplies.render(reply, new DiscordReplies.View("ask", "DL engineer salary", "7"));
        assertThat(DiscordReplies.questionOf(data.getEmbeds())).isEqualTo("DL engineer salary");
    }

    @Test
    void threadNamesAreTheQuestionOnOneLineWithinDiscordsLimit() {
        assertThat(DiscordReplies.threadName("how much\n do  ML engineers make?", "ask"))
                .isEqualTo("how much do ML engineers make?");
        assertThat(DiscordReplies.threadName("salary ".repeat(40), "ask")).hasSizeLessThanOrEqualTo(100).endsWith("…");
        assertThat(DiscordReplies.threadName("  ", "roadmap")).isEqualTo("Mentor: roadmap");
    }

    @Test
    void nextStepItemsAreTickButtonsThatRedrawTheNextStep() {
        Reply reply = new Reply(Reply.Kind.NEXT, "Your next step", "From zero, stage 1 of 2: Math and code basics. "
                + "Track progress: 1/3 items (33%), 0 of 2 stages complete. Tick these as you learn them:",
                List.of(new SourceRef("Roadmap", "From zero", "Fixture editors", "from-zero", 1.0)), List.of(),
                List.of(new ReplyItem("math-basics/calculus", "Derivatives and gradients", false, "Math basics"),
                        new ReplyItem("coding/python", "Write small Python programs", false, "Coding")), true)
                .withActions(List.of(new dev.mentorbot.command.ReplyAction("Show the whole track", "roadmap", "track",
                        "from-zero")));
        Snapshots.assertMatches("next", json(DiscordReplies.render(reply, new DiscordReplies.View("next", "", "7"))));

        JsonNode tree = tree(reply, new DiscordReplies.View("next", "", "7"));
        assertThat(tree.at("/embeds/0/description").asText()).endsWith("⬜ 1. Derivatives and gradients\n   Math basics\n"
                + "⬜ 2. Write small Python programs\n   Coding");
        assertThat(tree.at("/components/0/components/1/custom_id").asText()).isEqualTo("tick:next:7:coding/python");
        assertThat(tree.at("/components/1/components/0/custom_id").asText()).isEqualTo("roadmap:open:*:from-zero");
        assertThat(tree.at("/components/1/components/0/label").asText()).isEqualTo("Show the whole track");
    }

    @Test
    void aRoadmapOffersFollowThisTrackAndTheTrackChoicesFollowOnClick() {
        Reply roadmap = new Reply(Reply.Kind.ROADMAP, "From zero", "Your progress: 0/3 checklist items done.",
                List.of(), List.of(), List.of(new ReplyItem("from-zero/basics", "1. Math and code basics", false, "")), true)
                .withActions(List.of(new dev.mentorbot.command.ReplyAction("Follow this track", "follow", "track", "from-zero")));
        JsonNode tree = tree(roadmap, new DiscordReplies.View("roadmap", "", "7"));
        assertThat(tree.at("/components/0/components/0/custom_id").asText()).isEqualTo("follow:track:*:from-zero");
        assertThat(tree.at("/components/0/components/0/label").asText()).isEqualTo("Follow this track");

        Reply choose = new Reply(Reply.Kind.LIST, "Your next step", "You don't follow a track yet.", List.of(), List.of(),
                List.of(new ReplyItem("from-zero", "From zero", false, "")), true)
                .withActions(List.of(new dev.mentorbot.command.ReplyAction("Follow From zero", "follow", "track", "from-zero"),
                        dev.mentorbot.command.ReplyAction.run("Show my next step", "next")));
        JsonNode buttons = tree(choose, new DiscordReplies.View("next", "", "7")).at("/components/0/components");
        assertThat(buttons).extracting(b -> b.get("custom_id").asText())
                .containsExactly("follow:track:*:from-zero", "next:open:*:-");
    }
}
