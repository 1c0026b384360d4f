package dev.mentorbot.discord;

import dev.mentorbot.ask.AskCommand;
import dev.mentorbot.command.CommandRequest;
import dev.mentorbot.command.CommandText;
import dev.mentorbot.command.Commands;
import dev.mentorbot.command.Surface;
import dev.mentorbot.state.MemberId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns what Discord delivers (a slash command, a message, a button click) into the core's
 * neutral {@link CommandRequest}. Plain values in, so it is tested without JDA.
 */
public final class DiscordRequests {
    /** The platform name in {@link MemberId}s. */
    public static final String PLATFORM = "discord";
    /** The workspace of direct messages, which belong to no guild. */
    public static final String DIRECT = "dm";
    /**
     * Longest option value passed on. Discord allows 6,000 characters in a string option; the
     * core reads a question's first 1,000 anyway, so more is only work.
     */
    static final int MAX_OPTION = 4000;

    /** The standard commands' reader, for callers that do not name their commands. */
    private static final CommandText STANDARD = new CommandText(Commands.standardSpecs());

    private DiscordRequests() {
    }

    /** The member: the same user in two guilds (or in DMs) is two members. */
    public static MemberId member(String guildId, String userId) {
        return new MemberId(PLATFORM, guildId == null || guildId.isBlank() ? DIRECT : guildId, userId);
    }

    /** A slash command with its options (values as typed). */
    public static CommandRequest slash(String command, Map<String, String> options, String guildId, String userId) {
        Map<String, String> kept = new LinkedHashMap<>();
        options.forEach((name, value) -> {
            if (name != null && value != null) {
                kept.put(name, Limits.trim(value, MAX_OPTION));
            }
        });
        return new CommandRequest(command, kept, member(guildId, userId), Surface.DISCORD);
    }

    /**
     * A message, if it is addressed to the bot: any DM, or a guild message that mentions the bot
     * by its user id ({@code <@id>} or {@code <@!id>}; @everyone and role mentions do not count).
     * A message that is only the mention asks for help; {@code help} alone too; anything else is a
     * question.
     *
     * @param content the message text as sent
     * @param selfId  the bot's user id
     * @param guildId the guild, or null in a DM
     */
    public static Optional<CommandRequest> message(String content, String selfId, String guildId, String userId) {
        return message(STANDARD, content, selfId, guildId, userId);
    }

    /** A message, read with the commands the adapter offers. */
    static Optional<CommandRequest> message(CommandText syntax, String content, String selfId, String guildId,
                                            String userId) {
        if (content == null) {
            return Optional.empty();
        }
        String plain = "<@" + selfId + ">";
        String nick = "<@!" + selfId + ">";
        boolean dm = guildId == null;
        if (!dm && !content.contains(plain) && !content.contains(nick)) {
            return Optional.empty();
        }
        return Optional.of(request(syntax, content.replace(plain, " ").replace(nick, " "), member(guildId, userId)));
    }

    /**
     * A message without a mention in a thread the bot follows: read like a mention's text.
     *
     * @param content the message text as sent (it reaches the bot only with the Message Content intent)
     */
    public static Optional<CommandRequest> followUp(String content, String guildId, String userId) {
        return followUp(STANDARD, content, guildId, userId);
    }

    /** A follow-up, read with the commands the adapter offers. */
    static Optional<CommandRequest> followUp(CommandText syntax, String content, String guildId, String userId) {
        if (content == null || content.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(request(syntax, content, member(guildId, userId)));
    }

    /** The same request, asked in a conversation (see {@link DiscordConversation}). */
    public static CommandRequest within(CommandRequest request, String conversation) {
        return request.within(conversation);
    }

    /** A message's words, read by the core's one reader of command text, as typed on Discord. */
    private static CommandRequest request(CommandText syntax, String content, MemberId member) {
        return syntax.parse(Limits.trim(content, MAX_OPTION), member, "", Surface.DISCORD);
    }

    /** What a button click leads to: a core request, or a polite refusal. */
    public sealed interface Click permits Run, Refuse {
    }

    /**
     * Run a core request.
     *
     * @param request     the request
     * @param updatesView true when the reply replaces the clicked view (checklist ticks)
     * @param then        a request whose reply replaces the view instead, once {@code request} has
     *                    succeeded (a tick from a next view redraws the next step)
     */
    public record Run(CommandRequest request, boolean updatesView, Optional<CommandRequest> then) implements Click {
        /** A request whose own reply is shown. */
        public Run(CommandRequest request, boolean updatesView) {
            this(request, updatesView, Optional.empty());
        }
    }

    /** Do nothing but tell the clicking member why. */
    public record Refuse(String message) implements Click {
    }

    private static final java.util.regex.Pattern SNOWFLAKE = java.util.regex.Pattern.compile("\\d{1,20}");

    /**
     * The member a check-in's button acts for: clicked in a DM, which has no guild, it names the guild
     * the check-in was about (see {@link DiscordDirectMessages}). Only ever the clicking user.
     */
    private static MemberId inGuildOf(ComponentId id, String guildId, String clickerId) {
        boolean inDm = guildId == null || guildId.isBlank();
        return member(inDm && SNOWFLAKE.matcher(id.arg()).matches() ? id.arg() : guildId, clickerId);
    }

    /** "Share in channel": the private answer's question (its title) answered again, for everyone. */
    private static Click share(String shownQuestion, MemberId member) {
        if (shownQuestion == null || shownQuestion.isBlank()) {
            return new Refuse(UNKNOWN_BUTTON);
        }
        return new Run(new CommandRequest("ask", Map.of("question", shownQuestion, AskCommand.SHARE, "channel"), member,
                Surface.DISCORD), false);
    }

    static final String UNKNOWN_BUTTON = "That button is not one of mine, or it has expired. Try the command again.";
    static final String FOREIGN_BUTTON = "These buttons belong to someone else's view. Run the command yourself to get yours.";

    /**
     * A button click.
     *
     * @param customId       the button id as Discord sent it (untrusted)
     * @param clickerId      the user who clicked
     * @param guildId        the guild, or null in a DM
     * @param shownQuestion  the question the clicked message answers (its embed title), for feedback
     */
    public static Click click(String customId, String clickerId, String guildId, String shownQuestion) {
        Optional<ComponentId> parsed = ComponentId.parse(customId);
        if (parsed.isEmpty()) {
            return new Refuse(UNKNOWN_BUTTON);
        }
        ComponentId id = parsed.get();
        if (!id.allows(clickerId)) {
            return new Refuse(FOREIGN_BUTTON);
        }
        MemberId member = member(guildId, clickerId);
        String arg = id.arg();
        if (id.command().equals("forget-me")) {
            return new Run(new CommandRequest("forget-me", Map.of("confirm", "yes"), member, Surface.DISCORD), false);
        }
        return switch (id.command()) {
            case "ask" -> id.action().equals("share")
                    ? share(shownQuestion, member)
                    : new Run(new CommandRequest("ask", Map.of("question", arg), member, Surface.DISCORD), false);
            case "feedback" -> new Run(new CommandRequest("feedback", Map.of("vote", id.action(), "answer", arg,
                    "question", shownQuestion == null || shownQuestion.isBlank() ? arg : shownQuestion), member, Surface.DISCORD), false);
            case "tick", "untick" -> {
                CommandRequest tick = new CommandRequest(id.command(), Map.of(
                        "topic", arg.contains("/") ? arg.substring(0, arg.indexOf('/')) : arg, "item", arg), member, Surface.DISCORD);
                yield id.action().equals("next")
                        ? new Run(tick, true, Optional.of(new CommandRequest("next", Map.of(), member, Surface.DISCORD)))
                        : new Run(tick, true);
            }
            case "follow" -> new Run(new CommandRequest("follow", Map.of("track", arg), member, Surface.DISCORD), false);
            case "next" -> new Run(new CommandRequest("next", Map.of(), inGuildOf(id, guildId, clickerId),
                    Surface.DISCORD), false);
            case "checkin" -> new Run(new CommandRequest("checkin", Map.of("state", "off"),
                    inGuildOf(id, guildId, clickerId), Surface.DISCORD), false);
            case "checklist" -> new Run(new CommandRequest("checklist", Map.of("topic", arg), member, Surface.DISCORD), false);
            case "roadmap" -> new Run(new CommandRequest("roadmap", Map.of("track", arg), member, Surface.DISCORD), false);
            default -> new Refuse(UNKNOWN_BUTTON);
        };
    }
}
