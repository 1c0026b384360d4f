package dev.mentorbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mentorbot.command.CommandRequest;
import dev.mentorbot.command.Surface;
import dev.mentorbot.state.MemberId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Interactions and messages to neutral core requests, with plain values (no JDA, no network). */
class DiscordRequestsTest {
    private static final String BOT = "1000";

    @Test
    void slashCommandInAGuild() {
        CommandRequest r = DiscordRequests.slash("ask", Map.of("question", "how much do ML engineers make"), "42", "7");
        assertThat(r).isEqualTo(new CommandRequest("ask", Map.of("question", "how much do ML engineers make"),
                new MemberId("discord", "42", "7"), Surface.DISCORD));
    }

    @Test
    void slashCommandInADirectMessage() {
        assertThat(DiscordRequests.slash("progress", Map.of(), null, "7").member())
                .isEqualTo(new MemberId("discord", "dm", "7"));
    }

    @Test
    void hugeOptionsAreCutNotRefused() {
        CommandRequest r = DiscordRequests.slash("ask", Map.of("question", "salary ".repeat(900)), "42", "7");
        assertThat(r.option("question").orElseThrow()).hasSizeLessThanOrEqualTo(DiscordRequests.MAX_OPTION);
    }

    @Test
    void aMentionIsAQuestionWithoutTheMention() {
        assertThat(DiscordRequests.message("<@1000> how much do ML engineers make?", BOT, "42", "7"))
                .contains(new CommandRequest("ask", Map.of("question", "how much do ML engineers make?"),
                        new MemberId("discord", "42", "7"), Surface.DISCORD));
        assertThat(DiscordRequests.message("hey <@!1000>   what is  kaggle", BOT, "42", "7").orElseThrow()
                .option("question")).contains("hey what is kaggle");
    }

    @Test
    void aMentionIsReadByTheCoresOneCommandReader() {
        assertThat(DiscordRequests.message("<@1000> roadmap from-zero", BOT, "42", "7").orElseThrow())
                .isEqualTo(new CommandRequest("roadmap", Map.of("track", "from-zero"), new MemberId("discord", "42", "7"),
                        Surface.DISCORD));
        // feedback needs ids and comes from buttons: typed, it is just words to answer.
        assertThat(DiscordRequests.message("<@1000> feedback helpful x y", BOT, "42", "7").orElseThrow().command())
                .isEqualTo("ask");
    }

    @Test
    void theForgetMeButtonConfirmsForTheClicker() {
        assertThat(DiscordRequests.click("forget-me:confirm:*:yes", "8", "42", "")).isEqualTo(new DiscordRequests.Run(
                new CommandRequest("forget-me", Map.of("confirm", "yes"), new MemberId("discord", "42", "8"),
                        Surface.DISCORD), false));
    }

    @Test
    void guildMessagesNotMentioningTheBotAreIgnored() {
        assertThat(DiscordRequests.message("how much do ML engineers make?", BOT, "42", "7")).isEmpty();
        assertThat(DiscordRequests.message("@everyone <@2000> hi", BOT, "42", "7")).isEmpty();
        assertThat(DiscordRequests.message(null, BOT, "42", "7")).isEmpty();
    }

    @Test
    void directMessagesNeedNoMention() {
        assertThat(DiscordRequests.message("what is kaggle", BOT, null, "7").orElseThrow())
                .isEqualTo(new CommandRequest("ask", Map.of("question", "what is kaggle"), new MemberId("discord", "dm", "7"), Surface.DISCORD));
    }

    @Test
    void onlyAMentionOrHelpGetsHelp() {
        assertThat(DiscordRequests.message("<@1000>", BOT, "42", "7").orElseThrow().command()).isEqualTo("help");
        assertThat(DiscordRequests.message("  <@1000>  ", BOT, "42", "7").orElseThrow().command()).isEqualTo("help");
        assertThat(DiscordRequests.message("<@1000> help!", BOT, "42", "7").orElseThrow().command()).isEqualTo("help");
    }

    @Test
    void checklistButtonTicksForTheClicker() {
        DiscordRequests.Click click = DiscordRequests.click("tick:item:7:coding/python", "7", "42", "");
        assertThat(click).isEqualTo(new DiscordRequests.Run(new CommandRequest("tick",
                Map.of("topic", "coding", "item", "coding/python"), new MemberId("discord", "42", "7"), Surface.DISCORD), true));
        assertThat(DiscordRequests.click("untick:item:7:coding/python", "7", "42", ""))
                .isInstanceOfSatisfying(DiscordRequests.Run.class, r -> assertThat(r.request().command()).isEqualTo("untick"));
    }

    @Test
    void someoneElsesOrTamperedButtonsAreRefusedPolitely() {
        assertThat(DiscordRequests.click("tick:item:7:coding/python", "8", "42", ""))
                .isEqualTo(new DiscordRequests.Refuse(DiscordRequests.FOREIGN_BUTTON));
        assertThat(DiscordRequests.click("tick:item:*x:coding/python", "8", "42", ""))
                .isEqualTo(new DiscordRequests.Refuse(DiscordRequests.UNKNOWN_BUTTON));
        assertThat(DiscordRequests.click("admin:nuke:*:all", "8", "42", ""))
                .isEqualTo(new DiscordRequests.Refuse(DiscordRequests.UNKNOWN_BUTTON));
        assertThat(DiscordRequests.click(null, "8", "42", ""))
                .isEqualTo(new DiscordRequests.Refuse(DiscordRequests.UNKNOWN_BUTTON));
    }

    @Test
    void feedbackButtonsCarryTheShownQuestion() {
        assertThat(DiscordRequests.click("feedback:not-helpful:*:pay#1", "8", "42", "DL engineer salary"))
                .isEqualTo(new DiscordRequests.Run(new CommandRequest("feedback", Map.of("vote", "not-helpful",
                        "answer", "pay#1", "question", "DL engineer salary"), new MemberId("discord", "42", "8"), Surface.DISCORD), false));
    }

    @Test
    void relatedQuestionAndOpenButtons() {
        assertThat(DiscordRequests.click("ask:related:*:What is Kaggle?", "8", null, "")).isEqualTo(
                new DiscordRequests.Run(new CommandRequest("ask", Map.of("question", "What is Kaggle?"),
                        new MemberId("discord", "dm", "8"), Surface.DISCORD), false));
        assertThat(DiscordRequests.click("checklist:open:*:coding", "8", "42", ""))
                .isInstanceOfSatisfying(DiscordRequests.Run.class,
                        r -> assertThat(r.request().options()).isEqualTo(Map.of("topic", "coding")));
        assertThat(DiscordRequests.click("roadmap:open:*:from-zero", "8", "42", ""))
                .isInstanceOfSatisfying(DiscordRequests.Run.class,
                        r -> assertThat(r.request().options()).isEqualTo(Map.of("track", "from-zero")));
    }

    @Test
    void aTickFromANextViewRedrawsTheNextStepAndFollowButtonsFollowForTheClicker() {
        DiscordRequests.Run tick = (DiscordRequests.Run) DiscordRequests.click("tick:next:8:coding/python", "8", "42", "");
        assertThat(tick.request().command()).isEqualTo("tick");
        assertThat(tick.request().options()).containsEntry("topic", "coding").containsEntry("item", "coding/python");
        assertThat(tick.updatesView()).isTrue();
        assertThat(tick.then()).hasValueSatisfying(then -> {
            assertThat(then.command()).isEqualTo("next");
            assertThat(then.member()).isEqualTo(DiscordRequests.member("42", "8"));
        });
        assertThat(DiscordRequests.click("tick:next:8:coding/python", "9", "42", ""))
                .isInstanceOf(DiscordRequests.Refuse.class);

        DiscordRequests.Run follow = (DiscordRequests.Run) DiscordRequests.click("follow:track:*:from-zero", "9", "42", "");
        assertThat(follow.request().command()).isEqualTo("follow");
        assertThat(follow.request().options()).containsEntry("track", "from-zero");
        assertThat(follow.request().member().userId()).isEqualTo("9");
        assertThat(follow.then()).isEmpty();
        assertThat(((DiscordRequests.Run) DiscordRequests.click("next:open:*:-", "9", "42", "")).request().command())
                .isEqualTo("next");
    }
}
