package dev.mentorbot.command;

import dev.mentorbot.state.MemberId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one reader of command text: a console chat line, the text after Slack's {@code /mentor}, a
 * mention's or a DM's words. The first word names a command (a leading {@code /} is allowed, so
 * {@code /tick math 3} and {@code tick math 3} are the same); its options are filled in order, one
 * word each, the last one taking the rest of the text. Anything else is a question:
 * {@code how do I start}, and a command without options followed by more words
 * ({@code salary in Berlin?}). A lone {@code /word} that is no command gets the unknown-command
 * reply. Empty text, or {@code help} alone, asks for help. Internal commands
 * ({@link CommandSpec#internal()}) are not read from text.
 */
public final class CommandText {
    private static final Pattern SPACE = Pattern.compile("\\s+");
    /** Punctuation members put after a lone command word: {@code help?}, {@code next!}. */
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[?!.,:;]+$");

    private final List<CommandSpec> specs;

    public CommandText(List<CommandSpec> specs) {
        this.specs = List.copyOf(specs);
    }

    /**
     * The request a text makes.
     *
     * @param text         what the member typed, mentions already removed
     * @param conversation the conversation it was typed in, or empty
     * @param surface      where it was typed, so replies write commands the way members type them there
     */
    public CommandRequest parse(String text, MemberId member, String conversation, Surface surface) {
        String clean = SPACE.matcher(text == null ? "" : text).replaceAll(" ").strip();
        if (clean.isEmpty()) {
            return new CommandRequest("help", Map.of(), member, conversation, surface);
        }
        String[] firstAndRest = SPACE.split(clean, 2);
        String first = firstAndRest[0].toLowerCase(Locale.ROOT);
        boolean slashed = first.startsWith("/") && first.length() > 1;
        if (slashed) {
            first = first.substring(1);
        }
        String rest = firstAndRest.length > 1 ? firstAndRest[1].strip() : "";
        if (rest.isEmpty()) {
            first = TRAILING_PUNCTUATION.matcher(first).replaceAll("");
        }
        Optional<CommandSpec> spec = spec(first);
        if (spec.isEmpty() && slashed && rest.isEmpty()) {
            // "/bogus" alone was meant as a command: the member is told which ones exist.
            return new CommandRequest(first, Map.of(), member, conversation, surface);
        }
        if (spec.isEmpty() || (spec.get().options().isEmpty() && !rest.isEmpty())) {
            return new CommandRequest("ask", Map.of("question", clean), member, conversation, surface);
        }
        Map<String, String> options = new LinkedHashMap<>();
        List<OptionSpec> opts = spec.get().options();
        for (int i = 0; i < opts.size() && !rest.isEmpty(); i++) {
            if (i == opts.size() - 1) {
                options.put(opts.get(i).name(), rest);
                rest = "";
            } else {
                String[] wordAndRest = SPACE.split(rest, 2);
                options.put(opts.get(i).name(), wordAndRest[0]);
                rest = wordAndRest.length > 1 ? wordAndRest[1].strip() : "";
            }
        }
        return new CommandRequest(spec.get().name(), options, member, conversation, surface);
    }

    private Optional<CommandSpec> spec(String name) {
        return specs.stream().filter(s -> !s.internal() && s.name().equals(name)).findFirst();
    }
}
