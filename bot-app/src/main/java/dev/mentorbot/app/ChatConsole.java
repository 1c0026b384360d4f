package dev.mentorbot.app;

import dev.mentorbot.command.Commands;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.reader.impl.completer.StringsCompleter;
import org.jline.reader.impl.history.DefaultHistory;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * Where {@code chat} reads lines and shows replies. On a terminal: JLine, with line editing,
 * history in memory (Up arrow recalls a question; nothing is written to disk, where a member's
 * questions would outlive {@code forget-me}), Tab for slash commands, replies wrapped to the
 * window's width, and Ctrl-D to leave. Anywhere else (a pipe, a file, a test): plain lines, no
 * prompt and no wrapping, exactly what a script expects.
 */
abstract class ChatConsole implements AutoCloseable {
    /** The next line, or null at the end of input (Ctrl-D on a terminal). */
    abstract String readLine() throws IOException;

    /** Shows one reply. */
    abstract void show(String text);

    /** Whether a person is typing: greet them and prompt. */
    abstract boolean interactive();

    @Override
    public void close() throws IOException {
    }

    /** JLine on the process's terminal when standard input and output are one, else plain lines. */
    static ChatConsole open(PrintWriter out) throws IOException {
        if (System.console() == null) {
            return plain(out);
        }
        // Only the JNI and exec providers: no JNA or Jansi (absent, and JLine warns about both), no FFM (Java 22+).
        Terminal terminal = TerminalBuilder.builder().system(true).providers("jni,exec").dumb(true).build();
        return onTerminal(terminal);
    }

    /** Plain lines from standard input, replies printed as they are. */
    static ChatConsole plain(PrintWriter out) {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        return new ChatConsole() {
            @Override
            String readLine() throws IOException {
                return in.readLine();
            }

            @Override
            void show(String text) {
                out.println(text);
                out.flush();
            }

            @Override
            boolean interactive() {
                return false;
            }
        };
    }

    /** Line editing on a terminal (the system's, or one over given streams in tests). */
    static ChatConsole onTerminal(Terminal terminal) {
        List<String> slashCommands = new ArrayList<>(List.of("/quit", "/helpful", "/not-helpful"));
        Commands.standardSpecs().forEach(s -> slashCommands.add("/" + s.name()));
        // Questions are prose: an apostrophe or a backslash is not a shell quote or escape, and "!" is no history event.
        DefaultParser parser = new DefaultParser();
        parser.setQuoteChars(new char[0]);
        parser.setEscapeChars(new char[0]);
        LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("mentor-bot")
                .history(new DefaultHistory()).parser(parser).completer(new StringsCompleter(slashCommands))
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.HISTORY_IGNORE_DUPS, true)
                .build();
        return new ChatConsole() {
            @Override
            String readLine() {
                while (true) {
                    try {
                        return reader.readLine("> ");
                    } catch (UserInterruptException e) {
                        // Ctrl-C drops the line being typed, as in a shell; Ctrl-D or /quit leaves.
                    } catch (EndOfFileException e) {
                        return null;
                    }
                }
            }

            @Override
            void show(String text) {
                terminal.writer().println(LineWrapper.wrap(text, terminal.getWidth()));
                terminal.flush();
            }

            @Override
            boolean interactive() {
                return true;
            }

            @Override
            public void close() throws IOException {
                terminal.close();
            }
        };
    }
}
