package dev.mentorbot.slack;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.block.element.CheckboxesElement;
import dev.mentorbot.command.Reply;
import dev.mentorbot.command.ReplyAction;
import dev.mentorbot.command.ReplyItem;
import dev.mentorbot.retrieval.ChatText;
import dev.mentorbot.retrieval.SourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Renders core replies as Block Kit, within Slack's limits: 50 blocks per message (100 in the Home
 * tab), 3000 characters per section, 10 options per checkboxes element, 75 characters per button
 * or option label. Every block_id is unique within its message or view: Slack refuses the whole
 * payload otherwise. All text from the core and from members is escaped for mrkdwn.
 */
public final class BlockKit {
    static final int MESSAGE_BLOCKS = 50;
    static final int HOME_BLOCKS = 100;
    static final int SECTION_CHARS = 3000;
    static final int HEADER_CHARS = 150;
    static final int CHECKBOX_OPTIONS = 10;
    static final int LABEL_CHARS = 75;
    static final int OPTION_VALUE_CHARS = 150;
    /** block_id and action_id. */
    static final int ID_CHARS = 255;
    /** All sections of one message together: messages around 13k characters fail. */
    static final int MESSAGE_TEXT_CHARS = 9000;
    static final int MAX_RELATED = 5;
    /** Prefix of every action id the bot registers a handler for. */
    public static final String ACTION_PREFIX = "mentor:";
    private static final Set<String> CHOICE_COMMANDS = Set.of("checklist", "roadmap");
    private static final Set<String> CHECKLIST_COMMANDS = Set.of("checklist", "tick", "untick");

    private BlockKit() {
    }

    /**
     * What the reply answers, for the header and the controls under it.
     *
     * @param command  the command that produced the reply
     * @param owner    the Slack user id of the member who asked
     * @param question the question answered, shown as an answer's header and kept by its feedback
     *                 buttons (may be empty). Kept as {@link ChatText#clean} leaves it, so the header
     *                 never shows mention markup such as {@code <@U123>} or {@code <!here>}
     */
    public record Origin(String command, String owner, String question) {
        public Origin {
            question = ChatText.clean(question);
        }

        /** The origin of a request's reply, shown to {@code user}. */
        static Origin of(dev.mentorbot.command.CommandRequest request, String user) {
            return new Origin(request.command(), user, request.option("question").orElse(""));
        }
    }

    /** A reply as a message. */
    public static SlackMessage message(Reply reply, Origin origin) {
        List<LayoutBlock> blocks = blocks(reply, origin, "");
        return new SlackMessage(fallback(reply), limit(blocks, MESSAGE_BLOCKS), reply.ephemeral());
    }

    /**
     * The blocks of a reply, before the per-surface block limit is applied.
     *
     * @param scope prefix of every block_id, so that several replies can share one view (the Home tab)
     */
    static List<LayoutBlock> blocks(Reply reply, Origin origin, String scope) {
        List<LayoutBlock> blocks = new ArrayList<>();
        boolean answer = reply.kind() == Reply.Kind.ANSWER || reply.kind() == Reply.Kind.DECLINED;
        // An answer is headed by the question it answers, as on Discord: a /mentor command's text is
        // not shown in the channel, so the member would otherwise not see what was answered.
        String header = !reply.title().isBlank() ? reply.title() : answer ? origin.question() : "";
        if (!header.isBlank()) {
            blocks.add(HeaderBlock.builder().text(plain(header, HEADER_CHARS)).build());
        }
        String prefix = reply.kind() == Reply.Kind.ERROR ? ":warning: " : "";
        for (String part : split(prefix + Mrkdwn.escape(reply.text()), SECTION_CHARS, MESSAGE_TEXT_CHARS)) {
            blocks.add(section(part));
        }
        boolean checklist = !reply.items().isEmpty() && CHECKLIST_COMMANDS.contains(origin.command())
                && reply.items().stream().allMatch(i -> i.id().contains("/"));
        if (checklist) {
            blocks.addAll(checkboxes(reply.items(), origin.owner(), scope));
        } else if (reply.kind() == Reply.Kind.NEXT && !reply.items().isEmpty()) {
            blocks.addAll(nextCheckboxes(reply.items(), origin.owner(), scope));
        } else if (reply.kind() == Reply.Kind.ROADMAP) {
            blocks.addAll(stages(reply.items()));
        } else if (!reply.items().isEmpty()) {
            blocks.addAll(lines(reply.items(), reply.kind() == Reply.Kind.HELP));
            if (CHOICE_COMMANDS.contains(origin.command()) && reply.items().stream().noneMatch(i -> i.id().contains("/"))) {
                blocks.add(choiceButtons(origin.command(), reply.items(), scope));
            }
        }
        actionButtons(reply.actions(), scope).ifPresent(blocks::add);
        if (!reply.sources().isEmpty()) {
            blocks.add(sources(reply.sources(), scope));
        }
        if (!reply.related().isEmpty()) {
            blocks.add(relatedButtons(reply.related(), scope));
        }
        if (reply.kind() == Reply.Kind.ANSWER && !reply.sources().isEmpty() && !origin.question().isBlank()) {
            blocks.add(feedbackButtons(reply.sources().get(0).passageId(), origin.question(), scope));
        }
        return blocks;
    }

    /** The notification text: title and text, escaped and trimmed. */
    static String fallback(Reply reply) {
        String text = reply.title().isBlank() ? reply.text() : reply.title() + ": " + reply.text();
        return Mrkdwn.trim(Mrkdwn.escape(text), SECTION_CHARS);
    }

    /**
     * Checklist items as checkboxes, ten per element, ticks as {@code initial_options}. An option's
     * label holds at most 75 characters, so the items whose labels had to be cut follow their
     * group in full, in a section: a member can read every item.
     */
    static List<LayoutBlock> checkboxes(List<ReplyItem> items, String owner, String scope) {
        String checklistId = items.get(0).id().substring(0, items.get(0).id().indexOf('/'));
        List<LayoutBlock> blocks = new ArrayList<>();
        for (int start = 0, group = 0; start < items.size(); start += CHECKBOX_OPTIONS, group++) {
            List<OptionObject> options = new ArrayList<>();
            List<OptionObject> ticked = new ArrayList<>();
            StringBuilder inFull = new StringBuilder();
            int tickMask = 0;
            for (int i = start; i < Math.min(items.size(), start + CHECKBOX_OPTIONS); i++) {
                ReplyItem item = items.get(i);
                String label = (i + 1) + ". " + item.text();
                // One object per option, reused in initial_options: Slack drops the whole message
                // when an initial option differs from its option in any field.
                OptionObject option = OptionObject.builder().text(plain(label, LABEL_CHARS))
                        .value(Mrkdwn.trim(item.id(), OPTION_VALUE_CHARS)).build();
                options.add(option);
                if (item.done()) {
                    ticked.add(option);
                    tickMask |= 1 << (i - start);
                }
                if (label.length() > LABEL_CHARS) {
                    inFull.append('*').append(i + 1).append(".* ").append(Mrkdwn.escape(item.text())).append('\n');
                }
            }
            String actionId = ACTION_PREFIX + new ActionValue("checklist", "group" + group, owner, checklistId).encode();
            CheckboxesElement element = CheckboxesElement.builder().actionId(Mrkdwn.trim(actionId, ID_CHARS))
                    .options(options).initialOptions(ticked.isEmpty() ? null : ticked).build();
            // Slack asks for a new block_id whenever a message is updated: the ticks are part of it,
            // so a checklist redrawn after a tick never reuses the id of its previous state.
            String blockId = scope + "checklist-" + checklistId + "-" + group + "-" + Integer.toHexString(tickMask);
            blocks.add(ActionsBlock.builder().blockId(Mrkdwn.trim(blockId, ID_CHARS)).elements(List.of(element)).build());
            for (String part : split(inFull.toString(), SECTION_CHARS, MESSAGE_TEXT_CHARS)) {
                blocks.add(section(part));
            }
        }
        return blocks;
    }

    /**
     * The items of a next step as checkboxes. They may come from several checklists, so the
     * control is not a checklist's group: its action ({@code next:tick}) ticks each selected item
     * through the core's tick. The items shown are all unticked, so a selected option is always a
     * new tick and an unselected one changes nothing.
     */
    static List<LayoutBlock> nextCheckboxes(List<ReplyItem> items, String owner, String scope) {
        List<LayoutBlock> blocks = new ArrayList<>();
        String actionId = ACTION_PREFIX + new ActionValue("next", "tick", owner, "").encode();
        for (int start = 0, group = 0; start < items.size(); start += CHECKBOX_OPTIONS, group++) {
            List<OptionObject> options = new ArrayList<>();
            StringBuilder inFull = new StringBuilder();
            List<String> ids = new ArrayList<>();
            for (int i = start; i < Math.min(items.size(), start + CHECKBOX_OPTIONS); i++) {
                ReplyItem item = items.get(i);
                String label = (i + 1) + ". " + item.text();
                options.add(OptionObject.builder().text(plain(label, LABEL_CHARS))
                        .value(Mrkdwn.trim(item.id(), OPTION_VALUE_CHARS)).build());
                ids.add(item.id());
                if (label.length() > LABEL_CHARS) {
                    inFull.append('*').append(i + 1).append(".* ").append(Mrkdwn.escape(item.text())).append('\n');
                }
            }
            // The items change with every tick: a new block_id for each set, as Slack asks of updated messages.
            String blockId = scope + "next-" + group + "-" + Integer.toHexString(ids.hashCode());
            blocks.add(ActionsBlock.builder().blockId(Mrkdwn.trim(blockId, ID_CHARS)).elements(List.of(
                    CheckboxesElement.builder().actionId(Mrkdwn.trim(actionId, ID_CHARS)).options(options).build()))
                    .build());
            for (String part : split(inFull.toString(), SECTION_CHARS, MESSAGE_TEXT_CHARS)) {
                blocks.add(section(part));
            }
        }
        return blocks;
    }

    /** A reply's actions as buttons, for the ones the bot handles when clicked. */
    static Optional<LayoutBlock> actionButtons(List<ReplyAction> actions, String scope) {
        List<BlockElement> buttons = new ArrayList<>();
        for (ReplyAction action : actions) {
            if (buttons.size() == 25) {
                break;
            }
            actionValue(action).ifPresent(value -> buttons.add(ButtonElement.builder()
                    .actionId(ACTION_PREFIX + "action-" + buttons.size()).text(plain(action.label(), LABEL_CHARS))
                    .style(action.danger() ? "danger" : null).value(value.encode()).build()));
        }
        return buttons.isEmpty() ? Optional.empty()
                : Optional.of(ActionsBlock.builder().blockId(scope + "actions").elements(buttons).build());
    }

    /** The value a reply's action carries; anyone may click it, and it acts for whoever clicked. */
    static Optional<ActionValue> actionValue(ReplyAction action) {
        String value = Mrkdwn.trim(action.value(), OPTION_VALUE_CHARS);
        return switch (action.command() + ":" + action.option()) {
            case "follow:track" -> Optional.of(new ActionValue("follow", "track", ActionValue.ANYONE, value));
            case "roadmap:track" -> Optional.of(new ActionValue("roadmap", "open", ActionValue.ANYONE, value));
            case "checklist:topic" -> Optional.of(new ActionValue("checklist", "open", ActionValue.ANYONE, value));
            case "next:" -> Optional.of(new ActionValue("next", "open", ActionValue.ANYONE, ""));
            // "Share in channel" under a private answer: the question rides along (Slack sends no
            // message with a click on an ephemeral one), and the click answers it for everyone.
            case "ask:share" -> value.isBlank() ? Optional.empty()
                    : Optional.of(new ActionValue("ask", "share", ActionValue.ANYONE, value));
            // The Stop button of a check-in: it only ever turns check-ins off, for whoever clicks.
            case "checkin:state" -> value.equals("off")
                    ? Optional.of(new ActionValue("checkin", "off", ActionValue.ANYONE, "")) : Optional.empty();
            // Shown only to the member (the reply is ephemeral); a click deletes the clicker's own data.
            case "forget-me:confirm" -> Optional.of(new ActionValue("forget-me", "confirm", ActionValue.ANYONE, "yes"));
            default -> Optional.empty();
        };
    }

    private static List<LayoutBlock> stages(List<ReplyItem> items) {
        List<LayoutBlock> blocks = new ArrayList<>();
        for (ReplyItem item : items) {
            String line = (item.done() ? ":white_check_mark: " : ":white_large_square: ") + "*"
                    + Mrkdwn.escape(item.text()) + "*";
            if (!item.detail().isBlank()) {
                line += "\n" + Mrkdwn.escape(item.detail());
            }
            blocks.add(section(Mrkdwn.trim(line, SECTION_CHARS)));
        }
        return blocks;
    }

    private static List<LayoutBlock> lines(List<ReplyItem> items, boolean help) {
        StringBuilder sb = new StringBuilder();
        for (ReplyItem item : items) {
            // Help items are already written as typed on Slack (the request named the surface).
            String head = help ? "`" + Mrkdwn.escape(item.text()) + "`" : Mrkdwn.escape(item.text());
            String line = "• " + (item.done() ? ":white_check_mark: " : "") + head
                    + (item.detail().isBlank() ? "" : " — " + Mrkdwn.escape(item.detail()));
            sb.append(Mrkdwn.trim(line, 500)).append('\n');
        }
        List<LayoutBlock> blocks = new ArrayList<>();
        for (String part : split(sb.toString().strip(), SECTION_CHARS, MESSAGE_TEXT_CHARS)) {
            blocks.add(section(part));
        }
        return blocks;
    }

    private static LayoutBlock choiceButtons(String command, List<ReplyItem> items, String scope) {
        List<BlockElement> buttons = new ArrayList<>();
        for (int i = 0; i < Math.min(items.size(), 25); i++) {
            ReplyItem item = items.get(i);
            String label = item.text().contains(" (") ? item.text().substring(0, item.text().indexOf(" (")) : item.text();
            buttons.add(ButtonElement.builder().actionId(ACTION_PREFIX + "open-" + i).text(plain(label, LABEL_CHARS))
                    .value(new ActionValue(command, "open", ActionValue.ANYONE, item.id()).encode()).build());
        }
        return ActionsBlock.builder().blockId(scope + "choices").elements(buttons).build();
    }

    private static LayoutBlock sources(List<SourceRef> sources, String scope) {
        List<ContextBlockElement> elements = new ArrayList<>();
        for (SourceRef s : sources.subList(0, Math.min(sources.size(), 10))) {
            StringBuilder sb = new StringBuilder(":books: *Source:* ").append(Mrkdwn.escape(s.title()));
            if (s.section() != null && !s.section().isBlank() && !s.section().equals(s.title())) {
                sb.append(" › ").append(Mrkdwn.escape(s.section()));
            }
            if (s.source() != null && !s.source().isBlank()) {
                sb.append(" — ").append(Mrkdwn.escape(s.source()));
            }
            elements.add(MarkdownTextObject.builder().text(Mrkdwn.trim(sb.toString(), 1000)).build());
        }
        return ContextBlock.builder().blockId(scope + "sources").elements(elements).build();
    }

    private static LayoutBlock relatedButtons(List<String> related, String scope) {
        List<BlockElement> buttons = new ArrayList<>();
        for (int i = 0; i < Math.min(related.size(), MAX_RELATED); i++) {
            String q = related.get(i);
            buttons.add(ButtonElement.builder().actionId(ACTION_PREFIX + "related-" + i).text(plain(q, LABEL_CHARS))
                    .value(new ActionValue("ask", "related", ActionValue.ANYONE, Mrkdwn.trim(q, 1900)).encode())
                    .build());
        }
        return ActionsBlock.builder().blockId(scope + "related").elements(buttons).build();
    }

    private static LayoutBlock feedbackButtons(String passageId, String question, String scope) {
        String arg = passageId + "|" + Mrkdwn.trim(question, 1500);
        return ActionsBlock.builder().blockId(scope + "feedback").elements(List.of(
                ButtonElement.builder().actionId(ACTION_PREFIX + "helpful").text(plain(":+1: Helpful", LABEL_CHARS))
                        .value(new ActionValue("feedback", "helpful", ActionValue.ANYONE, arg).encode()).build(),
                ButtonElement.builder().actionId(ACTION_PREFIX + "not-helpful")
                        .text(plain(":-1: Not helpful", LABEL_CHARS))
                        .value(new ActionValue("feedback", "not-helpful", ActionValue.ANYONE, arg).encode()).build()))
                .build();
    }

    /** Keeps at most {@code max} blocks; when some are dropped, the last one says so. */
    static List<LayoutBlock> limit(List<LayoutBlock> blocks, int max) {
        if (blocks.size() <= max) {
            return blocks;
        }
        List<LayoutBlock> kept = new ArrayList<>(blocks.subList(0, max - 1));
        kept.add(ContextBlock.builder().blockId("trimmed").elements(List.of(MarkdownTextObject.builder()
                .text("_" + (blocks.size() - max + 1) + " more blocks did not fit in one Slack message._").build()))
                .build());
        return kept;
    }

    /**
     * Splits text into parts of at most {@code partMax} characters, at paragraph, line or word
     * breaks where possible, and trims the whole to {@code totalMax}.
     */
    static List<String> split(String text, int partMax, int totalMax) {
        List<String> parts = new ArrayList<>();
        String rest = Mrkdwn.trim(text.strip(), totalMax);
        while (!rest.isEmpty()) {
            if (rest.length() <= partMax) {
                parts.add(rest);
                break;
            }
            int cut = rest.lastIndexOf("\n\n", partMax);
            if (cut < partMax / 2) {
                cut = rest.lastIndexOf('\n', partMax);
            }
            if (cut < partMax / 2) {
                cut = rest.lastIndexOf(' ', partMax);
            }
            if (cut < partMax / 2) {
                cut = partMax;
                int amp = rest.lastIndexOf('&', cut);
                if (amp > cut - 6) {
                    cut = amp;
                }
                if (Character.isHighSurrogate(rest.charAt(cut - 1))) {
                    cut--;
                }
            }
            parts.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        return parts;
    }

    static SectionBlock section(String mrkdwn) {
        return SectionBlock.builder().text(MarkdownTextObject.builder().text(mrkdwn).build()).build();
    }

    static PlainTextObject plain(String text, int max) {
        return PlainTextObject.builder().text(Mrkdwn.trim(text, max)).emoji(true).build();
    }

    /** The Home tab without a next step: the member's progress, then each checklist as checkboxes. */
    public static List<LayoutBlock> home(Reply progress, List<Reply> checklists, String owner) {
        return home(Optional.empty(), progress, checklists, owner);
    }

    /**
     * The Home tab: it opens with the member's next step (its own header, "Your next step"), then
     * a header, the member's progress, and each checklist as checkboxes. Blocks past Slack's 100 are
     * cut from the end, so the next step always shows.
     */
    public static List<LayoutBlock> home(Optional<Reply> next, Reply progress, List<Reply> checklists, String owner) {
        List<LayoutBlock> blocks = new ArrayList<>();
        next.ifPresent(n -> {
            blocks.addAll(blocks(n, new Origin("next", owner, ""), "next-"));
            blocks.add(DividerBlock.builder().build());
        });
        blocks.add(HeaderBlock.builder().text(plain("Your mentor", 150)).build());
        blocks.add(section("Ask me anything with `/mentor ask`, mention me in a channel, or write to me here. "
                + "Tick checklist items below as you learn them."));
        blocks.addAll(blocks(progress, new Origin("progress", owner, ""), "progress-"));
        for (int i = 0; i < checklists.size(); i++) {
            blocks.add(DividerBlock.builder().build());
            // Each checklist brings its own sources and checkbox groups: their block_ids get the
            // checklist's place on the tab, or Slack refuses the whole view.
            blocks.addAll(blocks(checklists.get(i), new Origin("checklist", owner, ""), "c" + i + "-"));
        }
        return limit(blocks, HOME_BLOCKS);
    }
}
