package dev.mentorbot.discord;

import dev.mentorbot.command.Reply;
import dev.mentorbot.command.ReplyAction;
import dev.mentorbot.command.ReplyItem;
import dev.mentorbot.retrieval.ChatText;
import dev.mentorbot.retrieval.SourceRef;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * Renders a core {@link Reply} as a Discord message: embeds for answers and views, plain content
 * for errors, buttons whose ids come from {@link ComponentId}. Every limit (2000 characters of
 * content, embed title / description / footer / 6000 in all, 80-character labels, 100-character
 * ids, 5 rows of 5 buttons) is kept by trimming or splitting, so rendering never fails.
 */
public final class DiscordReplies {
    /** No @everyone, role or user pings, whatever text the message echoes. */
    public static final EnumSet<Message.MentionType> NO_MENTIONS = EnumSet.noneOf(Message.MentionType.class);

    private static final int GREEN = 0x2E7D32;
    private static final int GREY = 0x757575;
    private static final int BLURPLE = 0x5865F2;

    private DiscordReplies() {
    }

    /**
     * What the renderer needs to know besides the reply.
     *
     * @param command  the core command that produced the reply
     * @param question the member's question, shown as an answer's title (and read back by the
     *                 feedback buttons); empty when there is none. Kept as {@link ChatText#clean}
     *                 leaves it: a title that echoed {@code <@123>} or {@code @everyone} would show
     *                 raw markup to everyone who reads the answer
     * @param userId   the member the reply is for: the owner of personal views
     */
    public record View(String command, String question, String userId) {
        public View {
            question = ChatText.clean(question);
        }
    }

    /** The message for a reply. Never throws for any reply the core can make. */
    public static MessageCreateData render(Reply reply, View view) {
        MessageCreateBuilder message = new MessageCreateBuilder().setAllowedMentions(NO_MENTIONS)
                .mentionRepliedUser(false);
        if (reply.kind() == Reply.Kind.ERROR) {
            String body = join(reply.text(), itemLines(reply));
            return message.setContent(Limits.trim(body.isBlank() ? "Sorry, I could not do that." : body,
                    Limits.CONTENT)).build();
        }
        message.setEmbeds(embeds(reply, view));
        List<ActionRow> rows = rows(reply, view);
        if (!rows.isEmpty()) {
            message.setComponents(rows);
        }
        return message.build();
    }

    /** The note under the first answer in a thread the bot opened, when it reads follow-ups without a mention. */
    static final String FOLLOW_UPS_HERE = "Ask follow-up questions right here in this thread.";

    /**
     * The note under the first answer in a thread the bot opened, without the Message Content
     * intent: Discord shows it only the messages that mention it. The mention renders as the
     * bot's name and pings no one (mentions are off for every message).
     */
    static String followUpsByMention(String selfId) {
        return "Follow-up questions in this thread: mention me (<@" + selfId + ">) so that I see them.";
    }

    /** The same message with a note in its text, after what it says already. */
    static MessageCreateData withNote(MessageCreateData data, String note) {
        String content = data.getContent().isBlank() ? note : data.getContent() + "\n\n" + note;
        return MessageCreateBuilder.from(data).setAllowedMentions(NO_MENTIONS).mentionRepliedUser(false)
                .setContent(Limits.trim(content, Limits.CONTENT)).build();
    }

    /** The question an answer message was rendered for: its embed title, as {@link #render} set it. */
    public static String questionOf(List<MessageEmbed> embeds) {
        return embeds.isEmpty() || embeds.get(0).getTitle() == null ? "" : embeds.get(0).getTitle();
    }

    private static List<MessageEmbed> embeds(Reply reply, View view) {
        String title = !reply.title().isBlank() ? reply.title()
                : isAnswer(reply) ? view.question() : "";
        title = Limits.trim(title.replace('\n', ' '), Limits.EMBED_TITLE);
        String footer = Limits.trim(footer(reply.sources()), Limits.EMBED_FOOTER);
        int budget = Limits.EMBEDS_TOTAL - title.length() - footer.length();
        String body = Limits.trim(join(reply.text(), itemLines(reply)), budget);
        List<String> parts = Limits.split(body.isBlank() ? "…" : body, Limits.EMBED_DESCRIPTION);
        List<MessageEmbed> embeds = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            EmbedBuilder e = new EmbedBuilder().setColor(color(reply.kind())).setDescription(parts.get(i));
            if (i == 0 && !title.isEmpty()) {
                e.setTitle(title);
            }
            if (i == parts.size() - 1 && !footer.isEmpty()) {
                e.setFooter(footer);
            }
            embeds.add(e.build());
        }
        return embeds;
    }

    private static List<ActionRow> rows(Reply reply, View view) {
        List<Button> related = new ArrayList<>();
        for (String q : reply.related()) {
            String arg = Limits.trim(q, ComponentId.room("ask", "related", ComponentId.ANYONE));
            button(ComponentId.shared("ask", "related", arg), Limits.trim(q, Limits.BUTTON_LABEL), false)
                    .ifPresent(related::add);
        }
        List<Button> mine = new ArrayList<>();
        switch (reply.kind()) {
            case ANSWER -> {
                if (view.command().equals("ask") && !view.question().isEmpty() && !reply.sources().isEmpty()) {
                    String passage = reply.sources().get(0).passageId();
                    button(ComponentId.shared("feedback", "helpful", passage), "👍 Helpful", false).ifPresent(mine::add);
                    button(ComponentId.shared("feedback", "not-helpful", passage), "👎 Not helpful", false)
                            .ifPresent(mine::add);
                }
            }
            case CHECKLIST -> {
                int n = 1;
                for (ReplyItem item : reply.items()) {
                    String label = (item.done() ? "✅ " : "⬜ ") + (n++) + ". " + item.text();
                    button(ComponentId.personal(item.done() ? "untick" : "tick", "item", view.userId(), item.id()),
                            Limits.trim(label, Limits.BUTTON_LABEL), item.done()).ifPresent(mine::add);
                }
            }
            case NEXT -> {
                // The same tick as a checklist's, marked "next" so the click redraws the next step.
                int n = 1;
                for (ReplyItem item : reply.items()) {
                    String label = (item.done() ? "✅ " : "⬜ ") + (n++) + ". " + item.text();
                    button(ComponentId.personal(item.done() ? "untick" : "tick", item.done() ? "item" : "next",
                            view.userId(), item.id()), Limits.trim(label, Limits.BUTTON_LABEL), item.done())
                            .ifPresent(mine::add);
                }
            }
            case LIST -> {
                String opens = switch (view.command()) {
                    case "checklist" -> "checklist";
                    case "roadmap", "path" -> "roadmap";
                    default -> "";
                };
                if (!opens.isEmpty()) {
                    for (ReplyItem item : reply.items()) {
                        button(ComponentId.shared(opens, "open", item.id()),
                                Limits.trim(item.text(), Limits.BUTTON_LABEL), false).ifPresent(mine::add);
                    }
                }
            }
            default -> {
            }
        }
        List<Button> actions = new ArrayList<>();
        for (ReplyAction action : reply.actions()) {
            String label = Limits.trim(action.label(), Limits.BUTTON_LABEL);
            actionId(action).flatMap(id -> action.danger()
                            ? id.format().map(customId -> Button.danger(customId, label))
                            : button(id, label, false))
                    .ifPresent(actions::add);
        }
        List<ActionRow> rows = new ArrayList<>();
        addRows(rows, mine);
        addRows(rows, actions);
        addRows(rows, related);
        return rows;
    }

    /**
     * The button id of a reply's action, for the actions this adapter knows how to click back;
     * anyone may click them, and the click acts for whoever clicked.
     */
    static Optional<ComponentId> actionId(ReplyAction action) {
        String value = action.value();
        return switch (action.command() + ":" + action.option()) {
            case "follow:track" -> Optional.of(ComponentId.shared("follow", "track", value));
            case "roadmap:track" -> Optional.of(ComponentId.shared("roadmap", "open", value));
            case "checklist:topic" -> Optional.of(ComponentId.shared("checklist", "open", value));
            // An id needs an argument; "next" takes none.
            case "next:" -> Optional.of(ComponentId.shared("next", "open", ComponentId.NO_GUILD));
            // "Share in channel" under a private answer; the click reads the question back from the
            // answer's title, as the feedback buttons do (a custom id holds 100 characters).
            case "ask:share" -> Optional.of(ComponentId.shared("ask", "share", ComponentId.NO_GUILD));
            case "checkin:state" -> value.equals("off")
                    ? Optional.of(ComponentId.shared("checkin", "off", ComponentId.NO_GUILD)) : Optional.empty();
            // Shown only to the member (the reply is ephemeral); a click deletes the clicker's own data.
            case "forget-me:confirm" -> Optional.of(ComponentId.shared("forget-me", "confirm", "yes"));
            default -> Optional.empty();
        };
    }

    private static void addRows(List<ActionRow> rows, List<Button> buttons) {
        for (int i = 0; i < buttons.size() && rows.size() < Limits.ROWS; i += Limits.BUTTONS_PER_ROW) {
            rows.add(ActionRow.of(buttons.subList(i, Math.min(buttons.size(), i + Limits.BUTTONS_PER_ROW))));
        }
    }

    private static Optional<Button> button(ComponentId id, String label, boolean done) {
        String text = label.isBlank() ? "…" : label;
        return id.format().map(customId -> done ? Button.success(customId, text) : Button.secondary(customId, text));
    }

    private static boolean isAnswer(Reply reply) {
        return reply.kind() == Reply.Kind.ANSWER || reply.kind() == Reply.Kind.DECLINED;
    }

    private static String itemLines(Reply reply) {
        StringBuilder sb = new StringBuilder();
        int n = 1;
        for (ReplyItem item : reply.items()) {
            if (reply.kind() == Reply.Kind.CHECKLIST || reply.kind() == Reply.Kind.NEXT
                    || item.id().contains("/") && reply.kind() == Reply.Kind.ERROR) {
                sb.append(item.done() ? "✅ " : "⬜ ").append(n++).append(". ").append(item.text());
            } else {
                sb.append("• ").append(item.text());
            }
            if (item.detail() != null && !item.detail().isBlank()) {
                sb.append("\n   ").append(item.detail().strip());
            }
            sb.append('\n');
        }
        return sb.toString().stripTrailing();
    }

    private static String footer(List<SourceRef> sources) {
        if (sources.isEmpty()) {
            return "";
        }
        return "Source: " + sources.stream()
                .map(s -> s.title() + " — " + s.section() + " (" + s.source() + ")")
                .distinct()
                .collect(Collectors.joining(" | "));
    }

    private static String join(String text, String items) {
        if (items.isEmpty()) {
            return text.strip();
        }
        return text.isBlank() ? items : text.strip() + "\n\n" + items;
    }

    private static int color(Reply.Kind kind) {
        return switch (kind) {
            case ANSWER -> GREEN;
            case DECLINED -> GREY;
            default -> BLURPLE;
        };
    }

    /**
     * The name of the thread a mention is answered in: the question on one line, within Discord's
     * 100 characters, or the command when there is no question (a thread name may not be blank).
     */
    static String threadName(String question, String command) {
        String oneLine = question == null ? "" : question.replaceAll("\\s+", " ").strip();
        if (oneLine.isEmpty()) {
            oneLine = "Mentor: " + command;
        }
        return Limits.trim(oneLine, Limits.THREAD_NAME);
    }
}
