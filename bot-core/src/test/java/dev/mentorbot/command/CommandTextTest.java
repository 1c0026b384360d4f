package dev.mentorbot.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mentorbot.state.MemberId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandTextTest {
    private final CommandText text = new CommandText(Commands.standardSpecs());
    private final MemberId member = new MemberId("console", "local", "ada");

    private CommandRequest parse(String typed) {
        return text.parse(typed, member, "c1", Surface.CONSOLE);
    }

    @Test
    void theFirstWordNamesACommandWithOrWithoutASlash() {
        assertThat(parse("tick math 3")).isEqualTo(new CommandRequest("tick", Map.of("topic", "math", "item", "3"),
                member, "c1", Surface.CONSOLE));
        assertThat(parse("/tick math 3")).isEqualTo(parse("tick math 3"));
        assertThat(parse("Roadmap software").options()).containsEntry("track", "software");
        assertThat(parse("ask how do I start").options()).containsEntry("question", "how do I start");
    }

    @Test
    void theLastOptionTakesTheRestOfTheText() {
        assertThat(parse("tick coding learn  python   basics").options())
                .containsEntry("topic", "coding").containsEntry("item", "learn python basics");
    }

    @Test
    void anythingElseIsAQuestion() {
        assertThat(parse("how much do ML engineers make?"))
                .isEqualTo(new CommandRequest("ask", Map.of("question", "how much do ML engineers make?"), member, "c1",
                        Surface.CONSOLE));
        // A command without options followed by words is a question about it.
        assertThat(parse("salary in Berlin?").command()).isEqualTo("ask");
        assertThat(parse("salary").command()).isEqualTo("salary");
        // A lone slashed word is meant as a command, so the member hears which ones exist.
        assertThat(parse("/bogus").command()).isEqualTo("bogus");
        assertThat(parse("/bogus idea").command()).isEqualTo("ask");
    }

    @Test
    void emptyTextOrHelpAloneAsksForHelp() {
        assertThat(parse("  ").command()).isEqualTo("help");
        assertThat(parse("help?").command()).isEqualTo("help");
        assertThat(parse("next!").command()).isEqualTo("next");
    }

    @Test
    void internalCommandsAreNotReadFromText() {
        CommandRequest typed = parse("feedback helpful some-id what is kaggle");
        assertThat(typed.command()).isEqualTo("ask");
    }

    @Test
    void theSurfaceTravelsWithTheRequest() {
        assertThat(text.parse("help", member, "", Surface.SLACK).surface()).isEqualTo(Surface.SLACK);
    }
}
