package dev.mentorbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.CheckboxesElement;
import dev.mentorbot.command.Reply;
import dev.mentorbot.command.ReplyAction;
import dev.mentorbot.command.ReplyItem;
import dev.mentorbot.retrieval.SourceRef;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BlockKitTest {
    private static final BlockKit.Origin ASKED = new BlockKit.Origin("ask", "U1", "how much do ML engineers make?");

    static Reply answer() {
        return new Reply(Reply.Kind.ANSWER, "", "ML engineers earn between $70,000 and $90,000 a year <really> & more.",
                List.of(new SourceRef("Pay of ML engineers", "Machine learning engineer salary",
                        "Fixture career article", "pay#machine-learning-engineer-salary", 0.82)),
                List.of("How much do deep learning engineers make?", "What skills do I need?"), List.of(), false);
    }

    static Reply checklist(int size) {
        List<ReplyItem> items = IntStream.rangeClosed(1, size)
                .mapToObj(i -> new ReplyItem("big-list/item-" + i, "Item number " + i, i % 3 == 0, ""))
                .toList();
        return new Reply(Reply.Kind.CHECKLIST, "Big list", "Many things. 8/" + size + " done.",
                List.of(new SourceRef("Checklist", "Big list", "Fixture editors", "big-list", 1.0)), List.of(), items, true);
    }

    @Test
    void answerHasPassageSourceRelatedAndFeedbackButtons() throws Exception {
        SlackMessage m = BlockKit.message(answer(), ASKED);
        assertThat(m.ephemeral()).isFalse();
        assertThat(m.text()).contains("&lt;really&gt; &amp; more");
        Snapshots.assertMatches("answer", m.blocks());
    }

    @Test
    void memberTextCannotPingTheChannel() throws Exception {
        Reply echoed = new Reply(Reply.Kind.DECLINED, "", "I don't know about '<!channel> <@U2> <!here>'.",
                List.of(), List.of("<!everyone> help"), List.of(), false);
        SlackMessage m = BlockKit.message(echoed, new BlockKit.Origin("ask", "U1", "<!channel>"));
        String json = Snapshots.json(m.blocks());
        assertThat(json).doesNotContain("<!channel>").doesNotContain("<@U2>").doesNotContain("<!here>");
        assertThat(m.text()).doesNotContain("<");
        Snapshots.assertMatches("declined-escaped", m.blocks());
    }

    @Test
    void anAnswerIsHeadedByTheCleanedQuestionNeverByMentionMarkup() {
        SlackMessage m = BlockKit.message(answer(), new BlockKit.Origin("ask", "U1",
                "<@U0BOT> <!here> hi, how much do ML engineers make? @everyone <@U2>"));
        LayoutBlock first = m.blocks().get(0);
        assertThat(first).isInstanceOf(com.slack.api.model.block.HeaderBlock.class);
        assertThat(((com.slack.api.model.block.HeaderBlock) first).getText().getText())
                .isEqualTo("how much do ML engineers make?");
        assertThat(Snapshots.json(m.blocks())).doesNotContain("<@").doesNotContain("<!here>").doesNotContain("@everyone");

        Reply list = new Reply(Reply.Kind.LIST, "", "Pick one.", List.of(), List.of(), List.of(), false);
        assertThat(BlockKit.message(list, new BlockKit.Origin("checklist", "U1", "")).blocks().get(0))
                .as("only answers are headed by a question").isNotInstanceOf(com.slack.api.model.block.HeaderBlock.class);
    }

    @Test
    void aTwentyFiveItemChecklistIsSplitIntoCheckboxGroupsOfTen() throws Exception {
        SlackMessage m = BlockKit.message(checklist(25), new BlockKit.Origin("checklist", "U1", ""));
        List<CheckboxesElement> groups = m.blocks().stream().filter(b -> b instanceof ActionsBlock)
                .flatMap(b -> ((ActionsBlock) b).getElements().stream())
                .filter(e -> e instanceof CheckboxesElement).map(e -> (CheckboxesElement) e).toList();
        assertThat(groups).hasSize(3);
        assertThat(groups).extracting(g -> g.getOptions().size()).containsExactly(10, 10, 5);
        for (CheckboxesElement g : groups) {
            // initial_options must be exactly options (every field), or Slack drops the message.
            List<OptionObject> initial = g.getInitialOptions() == null ? List.of() : g.getInitialOptions();
            assertThat(g.getOptions()).containsAll(initial);
            assertThat(ActionValue.parse(g.getActionId().substring(BlockKit.ACTION_PREFIX.length())).orElseThrow())
                    .satisfies(v -> {
                        assertThat(v.command()).isEqualTo("checklist");
                        assertThat(v.owner()).isEqualTo("U1");
                        assertThat(v.arg()).isEqualTo("big-list");
                    });
        }
        assertThat(groups.get(0).getInitialOptions()).extracting(o -> o.getValue())
                .containsExactly("big-list/item-3", "big-list/item-6", "big-list/item-9");
        assertThat(groups.get(2).getInitialOptions()).extracting(o -> o.getValue())
                .containsExactly("big-list/item-21", "big-list/item-24");
        assertThat(m.ephemeral()).isTrue();
        Snapshots.assertMatches("checklist-25", m.blocks());
    }

    @Test
    void aChecklistWithNothingTickedHasNoInitialOptions() {
        Reply none = new Reply(Reply.Kind.CHECKLIST, "Coding", "0/1 done.", List.of(), List.of(),
                List.of(new ReplyItem("coding/python", "Write small Python programs", false, "")), true);
        String json = Snapshots.json(BlockKit.message(none, new BlockKit.Origin("checklist", "U1", "")).blocks());
        assertThat(json).doesNotContain("initial_options");
    }

    @Test
    void longTextIsSplitIntoSectionsOfAtMost3000Characters() {
        String para = ("word ".repeat(199) + "end.\n\n");
        Reply longReply = new Reply(Reply.Kind.ANSWER, "", para.repeat(8), List.of(), List.of(), List.of(), false);
        List<LayoutBlock> blocks = BlockKit.message(longReply, ASKED).blocks();
        List<String> texts = blocks.stream().filter(b -> b instanceof SectionBlock)
                .map(b -> ((SectionBlock) b).getText().getText()).toList();
        assertThat(texts).hasSizeGreaterThan(2).allSatisfy(t -> assertThat(t.length()).isLessThanOrEqualTo(3000));
        assertThat(String.join("", texts).length()).isLessThanOrEqualTo(BlockKit.MESSAGE_TEXT_CHARS);
    }

    @Test
    void tenThousandCharactersWithoutSpacesAreCutNotRejected() {
        Reply huge = new Reply(Reply.Kind.ERROR, "", "&".repeat(10_000), List.of(), List.of(), List.of(), true);
        List<LayoutBlock> blocks = BlockKit.message(huge, ASKED).blocks();
        assertThat(blocks).allSatisfy(b -> {
            String t = ((SectionBlock) b).getText().getText();
            assertThat(t.length()).isLessThanOrEqualTo(3000);
            assertThat(t.replace("…", "").replace(":warning: ", "")).matches("(&amp;)*");
        });
    }

    @Test
    void moreThanFiftyBlocksAreTrimmedWithANote() throws Exception {
        List<ReplyItem> stages = IntStream.rangeClosed(1, 70)
                .mapToObj(i -> new ReplyItem("long/s" + i, i + ". Stage " + i, false, "Goals: g" + i)).toList();
        Reply roadmap = new Reply(Reply.Kind.ROADMAP, "Long road", "Seventy stages.", List.of(), List.of(), stages, true);
        List<LayoutBlock> blocks = BlockKit.message(roadmap, new BlockKit.Origin("roadmap", "U1", "")).blocks();
        assertThat(blocks).hasSize(50);
        assertThat(Snapshots.json(blocks.get(49))).contains("more blocks did not fit");
    }

    @Test
    void roadmapHelpAndTopicListSnapshots() throws Exception {
        Reply roadmap = new Reply(Reply.Kind.ROADMAP, "From zero", "For members starting out. Your progress: 1/3.",
                List.of(new SourceRef("Roadmap", "From zero", "Fixture editors", "from-zero", 1.0)), List.of(),
                List.of(new ReplyItem("from-zero/basics", "1. Math and code basics", false,
                                "Goals: Solve small problems in Python\nChecklists: math-basics, coding (1/3 items done)"),
                        new ReplyItem("from-zero/first-models", "2. First models", true, "")), true);
        Snapshots.assertMatches("roadmap", BlockKit.message(roadmap, new BlockKit.Origin("roadmap", "U1", "")).blocks());
        Reply topics = new Reply(Reply.Kind.LIST, "Checklists", "Pick a topic:", List.of(), List.of(),
                List.of(new ReplyItem("math-basics", "Math basics (1/2 done)", false, "The mathematics to learn first."),
                        new ReplyItem("coding", "Coding (0/1 done)", false, "")), true);
        Snapshots.assertMatches("topics", BlockKit.message(topics, new BlockKit.Origin("checklist", "U1", "")).blocks());
        Reply help = new Reply(Reply.Kind.HELP, "mentor-bot", "I answer questions.", List.of(), List.of(),
                List.of(new ReplyItem("ask", "/mentor ask <question>", false, "Ask a question")), true);
        Snapshots.assertMatches("help", BlockKit.message(help, new BlockKit.Origin("help", "U1", "")).blocks());
    }

    @Test
    void homeTabStaysWithinOneHundredBlocks() {
        Reply progress = new Reply(Reply.Kind.LIST, "Your progress", "You have ticked 8 items.", List.of(), List.of(),
                List.of(new ReplyItem("big-list", "Checklist Big list: 8/25 done", false, "")), true);
        List<Reply> many = IntStream.range(0, 20).mapToObj(i -> checklist(25)).toList();
        assertThat(BlockKit.home(progress, many, "U1")).hasSize(100);
    }

    static Reply longChecklist(int size) {
        List<ReplyItem> items = IntStream.rangeClosed(1, size)
                .mapToObj(i -> new ReplyItem("long-list/item-" + i, "Item " + i + " is explained at length: "
                        + "derivatives, gradients and the chain rule <&> ".repeat(i % 4 + 1) + "end of item " + i,
                        i % 2 == 0, ""))
                .toList();
        return new Reply(Reply.Kind.CHECKLIST, "Long list", "Long items. 13/" + size + " done.",
                List.of(new SourceRef("Checklist", "Long list", "Fixture editors", "long-list", 1.0)), List.of(), items, true);
    }

    @Test
    void everythingTheAdapterRendersKeepsSlacksLimits() {
        List<LayoutBlock> roadmap = BlockKit.message(new Reply(Reply.Kind.ROADMAP, "R".repeat(400), "Seventy stages.",
                List.of(), List.of(), IntStream.rangeClosed(1, 70).mapToObj(i -> new ReplyItem("long/s" + i,
                        i + ". Stage " + i, false, "Goals: " + "g".repeat(4000))).toList(), true),
                new BlockKit.Origin("roadmap", "U1", "")).blocks();
        List<ReplyItem> manyTopics = IntStream.rangeClosed(1, 40).mapToObj(i -> new ReplyItem("topic-" + i,
                "Topic " + i + " " + "t".repeat(100) + " (0/3 done)", false, "d".repeat(600))).toList();
        List<List<LayoutBlock>> messages = List.of(
                BlockKit.message(answer(), ASKED).blocks(),
                BlockKit.message(checklist(25), new BlockKit.Origin("checklist", "U1", "")).blocks(),
                BlockKit.message(checklist(48), new BlockKit.Origin("tick", "U1", "")).blocks(),
                BlockKit.message(longChecklist(30), new BlockKit.Origin("checklist", "U1", "")).blocks(),
                roadmap,
                BlockKit.message(new Reply(Reply.Kind.LIST, "Checklists", "Pick a topic:", List.of(), List.of(),
                        manyTopics, true), new BlockKit.Origin("checklist", "U1", "")).blocks(),
                BlockKit.message(new Reply(Reply.Kind.ANSWER, "", "a".repeat(700), List.of(), List.of(
                        "q".repeat(300), "Another?", "A third?", "A fourth?", "A fifth?", "A sixth?"), List.of(), false),
                        new BlockKit.Origin("ask", "U1", "w".repeat(3000))).blocks(),
                BlockKit.message(Reply.error("&".repeat(10_000)), ASKED).blocks());
        for (List<LayoutBlock> blocks : messages) {
            BlockKitValidator.assertValid(blocks, BlockKitValidator.MESSAGE_BLOCKS);
        }
    }

    @Test
    void theHomeTabWithSeveralChecklistsHasUniqueBlockIdsAndKeepsSlacksLimits() {
        Reply progress = new Reply(Reply.Kind.LIST, "Your progress", "You have ticked 8 items.", List.of(), List.of(),
                List.of(new ReplyItem("big-list", "Checklist Big list: 8/25 done", false, "")), true);
        List<LayoutBlock> two = BlockKit.home(progress, List.of(checklist(25), longChecklist(12)), "U1");
        BlockKitValidator.assertValid(two, BlockKitValidator.VIEW_BLOCKS);
        List<LayoutBlock> many = BlockKit.home(progress, IntStream.range(0, 20)
                .mapToObj(i -> i % 2 == 0 ? checklist(25) : longChecklist(25)).toList(), "U1");
        BlockKitValidator.assertValid(many, BlockKitValidator.VIEW_BLOCKS);
    }

    @Test
    void everyChecklistItemCanBeReadInFullEvenWhenItsLabelIsCut() throws Exception {
        Reply reply = longChecklist(12);
        List<LayoutBlock> blocks = BlockKit.message(reply, new BlockKit.Origin("checklist", "U1", "")).blocks();
        String json = Snapshots.json(blocks);
        for (ReplyItem item : reply.items()) {
            assertThat(json).as("full text of %s", item.id()).contains(Mrkdwn.escape(item.text()));
        }
        Snapshots.assertMatches("checklist-long-items", blocks);
    }

    static Reply next(int items) {
        return new Reply(Reply.Kind.NEXT, "Your next step", "From zero, stage 1 of 2: Math and code basics. "
                + "Track progress: 1/3 items (33%), 0 of 2 stages complete. Tick these as you learn them:",
                List.of(new SourceRef("Roadmap", "From zero", "Fixture editors", "from-zero", 1.0)), List.of(),
                IntStream.rangeClosed(1, items).mapToObj(i -> new ReplyItem("math-basics/item-" + i,
                        "Item " + i + (i % 3 == 0 ? " explained at length: " + "gradients <&> ".repeat(8) : ""), false,
                        "Math basics")).toList(), true)
                .withActions(List.of(new ReplyAction("Show the whole track", "roadmap", "track", "from-zero")));
    }

    @Test
    void nextStepItemsAreCheckboxesThatTickThroughTheNextAction() throws Exception {
        List<LayoutBlock> blocks = BlockKit.message(next(2), new BlockKit.Origin("next", "U1", "")).blocks();
        BlockKitValidator.assertValid(blocks, BlockKitValidator.MESSAGE_BLOCKS);
        Snapshots.assertMatches("next", blocks);

        CheckboxesElement boxes = blocks.stream().filter(b -> b instanceof ActionsBlock)
                .map(b -> ((ActionsBlock) b).getElements().get(0)).filter(e -> e instanceof CheckboxesElement)
                .map(e -> (CheckboxesElement) e).findFirst().orElseThrow();
        assertThat(boxes.getActionId()).isEqualTo("mentor:next:tick:U1:");
        assertThat(boxes.getOptions()).extracting(OptionObject::getValue)
                .containsExactly("math-basics/item-1", "math-basics/item-2");
        assertThat(boxes.getInitialOptions()).as("every item shown is unticked").isNullOrEmpty();
        assertThat(Snapshots.json(blocks)).contains("roadmap:open:*:from-zero")
                .contains("Show the whole track");

        // Long item texts and many items still keep Slack's limits, and every item can be read in full.
        List<LayoutBlock> many = BlockKit.message(next(25), new BlockKit.Origin("next", "U1", "")).blocks();
        BlockKitValidator.assertValid(many, BlockKitValidator.MESSAGE_BLOCKS);
        assertThat(Snapshots.json(many)).contains(Mrkdwn.escape(next(25).items().get(2).text()));
    }

    @Test
    void aRoadmapAndTheTrackChoicesOfferFollowButtons() {
        Reply roadmap = new Reply(Reply.Kind.ROADMAP, "From zero", "Your progress: 0/3.", List.of(), List.of(),
                List.of(new ReplyItem("from-zero/basics", "1. Math and code basics", false, "")), true)
                .withActions(List.of(new ReplyAction("Follow this track", "follow", "track", "from-zero")));
        List<LayoutBlock> blocks = BlockKit.message(roadmap, new BlockKit.Origin("roadmap", "U1", "")).blocks();
        BlockKitValidator.assertValid(blocks, BlockKitValidator.MESSAGE_BLOCKS);
        assertThat(Snapshots.json(blocks)).contains("\"follow:track:*:from-zero\"")
                .contains("Follow this track");

        Reply choose = new Reply(Reply.Kind.LIST, "Your next step", "You don't follow a track yet.", List.of(), List.of(),
                List.of(new ReplyItem("from-zero", "From zero", false, "For beginners.")), true)
                .withActions(List.of(new ReplyAction("Follow From zero", "follow", "track", "from-zero"),
                        ReplyAction.run("Show my next step", "next"), new ReplyAction("Unknown", "dance", "", "")));
        String json = Snapshots.json(BlockKit.message(choose, new BlockKit.Origin("next", "U1", "")).blocks());
        assertThat(json).contains("follow:track:*:from-zero").contains("next:open:*:").doesNotContain("Unknown");
    }

    @Test
    void theHomeTabOpensWithTheNextStepAndStaysWithinSlacksLimits() {
        Reply progress = new Reply(Reply.Kind.LIST, "Your progress", "You have ticked 8 items.", List.of(), List.of(),
                List.of(new ReplyItem("big-list", "Checklist Big list: 8/25 done", false, "")), true);
        List<LayoutBlock> home = BlockKit.home(Optional.of(next(5)), progress, List.of(checklist(25)), "U1");
        BlockKitValidator.assertValid(home, BlockKitValidator.VIEW_BLOCKS);
        assertThat(Snapshots.json(home.subList(0, 1))).contains("Your next step");

        List<LayoutBlock> full = BlockKit.home(Optional.of(next(25)), progress, IntStream.range(0, 20)
                .mapToObj(i -> i % 2 == 0 ? checklist(25) : longChecklist(25)).toList(), "U1");
        assertThat(full).hasSize(100);
        BlockKitValidator.assertValid(full, BlockKitValidator.VIEW_BLOCKS);
        assertThat(Snapshots.json(full.subList(0, 1))).contains("Your next step");
    }
}
