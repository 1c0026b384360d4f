package dev.mentorbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code chat} on a terminal, through JLine's real line reader over a terminal of given keystrokes
 * (an xterm 60 columns wide): Up arrow recalls the last question, Ctrl-D leaves, replies are
 * wrapped to the width, and prose with apostrophes is taken as typed.
 */
class ChatTerminalTest {
    private static final int WIDTH = 60;
    private static final String UP = "\u001b[A";
    private static final String CTRL_D = "\u0004";
    /** Escape sequences: CSI (cursor moves, colours, modes), charset switches and keypad modes. */
    private static final Pattern ESCAPES = Pattern.compile("\u001b(\\[[0-9;?>=]*[ -/]*[@-~]|[()][0-9A-Za-z]|[=>])");

    @TempDir
    Path dir;

    /**
     * Types each group of keys at a prompt, as a person waits for it, into chat on a terminal, and
     * returns what the screen received, escapes removed.
     */
    private String type(String... keysAtEachPrompt) throws Exception {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        Keyboard keyboard = new Keyboard(screen, keysAtEachPrompt);
        Terminal terminal = TerminalBuilder.builder().system(false).type("xterm").encoding(StandardCharsets.UTF_8)
                .streams(keyboard, screen)
                .size(new Size(WIDTH, 24)).build();
        MentorBotCli root = new MentorBotCli();
        var cl = MentorBotCli.commandLine(root, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        cl.parseArgs("--data-dir", dir.resolve("data").toString(), "--lexical-only", "--user", "terminal", "chat");
        ChatCli chat = cl.getSubcommands().get("chat").getCommand();
        try (ChatConsole console = ChatConsole.onTerminal(terminal)) {
            assertThat(chat.converse(console)).isZero();
        } finally {
            keyboard.unplugged = true;
            root.close();
        }
        return ESCAPES.matcher(screen.toString(StandardCharsets.UTF_8)).replaceAll("").replace("\r", "");
    }

    /** Keys that arrive once the screen shows the next prompt; then nothing more, like an idle keyboard. */
    private static final class Keyboard extends InputStream {
        private final ByteArrayOutputStream screen;
        private final String[] groups;
        private int next;
        volatile boolean unplugged;
        private ByteArrayInputStream current = new ByteArrayInputStream(new byte[0]);

        Keyboard(ByteArrayOutputStream screen, String[] groups) {
            this.screen = screen;
            this.groups = groups;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (current.available() == 0) {
                if (unplugged) {
                    return -1;
                }
                if (next >= groups.length || count(screenText(), "> ") <= next) {
                    sleep();
                    continue;
                }
                current = new ByteArrayInputStream(groups[next++].getBytes(StandardCharsets.UTF_8));
            }
            return current.read(b, off, len);
        }

        private String screenText() {
            synchronized (screen) {
                return screen.toString(StandardCharsets.UTF_8);
            }
        }

        private static void sleep() throws IOException {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException();
            }
        }
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    @Test
    void upArrowRecallsTheLastQuestionAndCtrlDLeaves() throws Exception {
        String screen = type("what is kaggle\r", UP + "\r", CTRL_D);

        // The second line was only Up and Enter: the answer comes twice because Up brought the question back.
        assertThat(count(screen, "Kaggle is an online data science")).as(screen).isEqualTo(2);
        assertThat(screen).contains("/quit or Ctrl-D leaves.");
    }

    @Test
    void repliesAreWrappedToTheTerminalsWidth() throws Exception {
        String plain = Cli.runWithInput("what is kaggle\n/roadmap zero\n", "chat").out();
        assertThat(plain.lines().filter(l -> l.length() > WIDTH)).as("unwrapped, some lines are wider").isNotEmpty();

        String screen = type("what is kaggle\r", "/roadmap zero\r", CTRL_D);

        List<String> tooWide = screen.lines().filter(l -> l.length() > WIDTH && l.strip().contains(" ")).toList();
        assertThat(tooWide).as(screen).isEmpty();
        assertThat(screen).contains("Kaggle is an online data science").contains("From zero to deep learning engineer");
        // Continuation lines keep the indent of the line they continue.
        assertThat(screen).containsPattern("(?m)^      Goals: .*\\n      \\S");
    }

    @Test
    void apostrophesAndExclamationMarksAreProseNotShellSyntax() throws Exception {
        String screen = type("what's kaggle!\r", CTRL_D);

        assertThat(screen).contains("Kaggle is an online data science").doesNotContain("event not found");
    }
}
