package dev.mentorbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code chat}: plain lines are questions, {@code /command args} runs a command, {@code /quit} leaves. */
class ChatCliTest {

    @Test
    void answersRunsSlashCommandsAndStopsAtQuit() {
        Cli.Result r = Cli.runWithInput("what is kaggle\n/roadmap zero\n/quit\nnever read\n", "chat");

        assertThat(r.exit()).as(r.toString()).isZero();
        String out = r.out();
        int answer = out.indexOf("Kaggle is an online data science and machine learning platform");
        int roadmap = out.indexOf("From zero to deep learning engineer\n---");
        assertThat(answer).as(out).isGreaterThanOrEqualTo(0);
        assertThat(roadmap).as("the roadmap comes after the answer").isGreaterThan(answer);
        assertThat(out)
                .contains("Source: mentor-bot editors - FAQ: What is Kaggle")
                .contains("  - 1. Choose a learning route and start programming")
                .contains("Checklists: programming-cs");
        assertThat(out).as("nothing after /quit is answered")
                .doesNotContain("I don't have a sourced answer")
                .doesNotContain("Ask me anything");
        assertThat(out.strip()).as("the roadmap, with its Follow button as a command, is the last reply")
                .endsWith("From zero to deep learning engineer\n\nYou can run: follow from-zero");
        assertThat(out).as("no prompt when standard input is not a terminal").doesNotContain("> ");
        assertThat(r.err()).isEmpty();
        r.assertNoStackTrace();
    }

    @Test
    void badCommandsAreExplainedAndEndOfInputLeavesCleanly() {
        Cli.Result r = Cli.runWithInput(
                "/checklist math\n/roadmap nonsense\n/bogus\n/ask\n\n   \nhow do I bake a cake\n/HELP\n", "chat");

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out())
                .contains("(math-foundations/linear-algebra)")
                .contains("I don't know the track 'nonsense'. The tracks are:")
                .contains("From software engineering to deep learning engineer")
                .contains("I don't know the command 'bogus'. Commands: ask, salary, skills, path, roadmap, checklist")
                .contains("ask needs QUESTION.")
                .contains("I don't have a sourced answer to that, so I won't guess.")
                .contains("  - roadmap [TRACK]");
        assertThat(r.out()).as("blank lines are skipped, not declined").doesNotContain("Ask me anything");
        r.assertNoStackTrace();
    }
}
