package dev.mentorbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mentorbot.command.CommandRequest;
import dev.mentorbot.command.Surface;
import dev.mentorbot.command.Commands;
import dev.mentorbot.state.MemberId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlackTextTest {
    private final SlackText text = new SlackText(Commands.standardSpecs());
    private final MemberId member = SlackText.member("T1", "U1");

    @Test
    void askSubcommandAndPlainQuestionBothAsk() {
        assertThat(text.slash("ask how much do ML engineers make", member))
                .isEqualTo(new CommandRequest("ask", Map.of("question", "how much do ML engineers make"), member, Surface.SLACK));
        assertThat(text.slash("  how much do ML engineers make?  ", member))
                .isEqualTo(new CommandRequest("ask", Map.of("question", "how much do ML engineers make?"), member, Surface.SLACK));
    }

    @Test
    void emptyMentorShowsHelp() {
        assertThat(text.slash("", member).command()).isEqualTo("help");
        assertThat(text.slash("   ", member).command()).isEqualTo("help");
        assertThat(text.slash(null, member).command()).isEqualTo("help");
    }

    @Test
    void subcommandsFillOptionsInOrderTheLastTakingTheRest() {
        assertThat(text.slash("roadmap from-zero", member))
                .isEqualTo(new CommandRequest("roadmap", Map.of("track", "from-zero"), member, Surface.SLACK));
        assertThat(text.slash("Checklist math basics", member))
                .isEqualTo(new CommandRequest("checklist", Map.of("topic", "math basics"), member, Surface.SLACK));
        assertThat(text.slash("tick math-basics calculus", member))
                .isEqualTo(new CommandRequest("tick", Map.of("topic", "math-basics", "item", "calculus"), member, Surface.SLACK));
        assertThat(text.slash("roadmap", member)).isEqualTo(new CommandRequest("roadmap", Map.of(), member, Surface.SLACK));
        assertThat(text.slash("salary", member).command()).isEqualTo("salary");
        assertThat(text.slash("progress", member).command()).isEqualTo("progress");
        assertThat(text.slash("forget-me yes", member))
                .isEqualTo(new CommandRequest("forget-me", Map.of("confirm", "yes"), member, Surface.SLACK));
    }

    @Test
    void aCommandWithoutOptionsFollowedByWordsIsAQuestion() {
        assertThat(text.slash("salary in Freedonia for juniors?", member))
                .isEqualTo(new CommandRequest("ask", Map.of("question", "salary in Freedonia for juniors?"), member, Surface.SLACK));
    }

    @Test
    void mentionsAreRemovedAndSlackEntitiesUnescaped() {
        assertThat(text.message("<@UBOT> what is &lt;b&gt; &amp; kaggle?", member))
                .isEqualTo(new CommandRequest("ask", Map.of("question", "what is <b> & kaggle?"), member, Surface.SLACK));
        assertThat(text.message("<@UBOT|mentor> roadmap", member).command()).isEqualTo("roadmap");
        assertThat(text.message("<@UBOT>", member).command()).isEqualTo("help");
    }

    @Test
    void tenThousandCharactersAreBounded() {
        CommandRequest r = text.slash("x".repeat(10_000), member);
        assertThat(r.command()).isEqualTo("ask");
        assertThat(r.option("question").orElseThrow()).hasSize(SlackText.MAX_TEXT);
    }

    @Test
    void membersAreSlackTeamAndUser() {
        assertThat(SlackText.member("T9", "U9")).isEqualTo(new MemberId("slack", "T9", "U9"));
        assertThat(SlackText.member(null, "U9").workspace()).isEqualTo("unknown");
    }
}
