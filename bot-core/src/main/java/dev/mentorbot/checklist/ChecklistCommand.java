package dev.mentorbot.checklist;

import dev.mentorbot.command.Choices;
import dev.mentorbot.command.CommandHandler;
import dev.mentorbot.command.CommandRequest;
import dev.mentorbot.command.CommandSpec;
import dev.mentorbot.command.OptionSpec;
import dev.mentorbot.command.Reply;
import dev.mentorbot.command.ReplyItem;
import dev.mentorbot.content.Checklist;
import dev.mentorbot.content.KnowledgeBase;
import dev.mentorbot.retrieval.SourceRef;
import java.util.List;
import java.util.Optional;

/** {@code checklist [topic]}: the topics, or one topic's items with stable ids. */
public final class ChecklistCommand implements CommandHandler {
    public static final CommandSpec SPEC = new CommandSpec("checklist",
            "A checklist of what to learn for a topic",
            List.of(new OptionSpec("topic", "The topic (leave empty to see the topics)", OptionSpec.Type.TOPIC, false)));

    private final KnowledgeBase kb;

    public ChecklistCommand(KnowledgeBase kb) {
        this.kb = kb;
    }

    @Override
    public Reply handle(CommandRequest request) {
        Optional<String> typed = request.option("topic");
        if (typed.isEmpty()) {
            return topics("Pick a topic:", Reply.Kind.LIST);
        }
        Optional<Checklist> checklist = Choices.resolve(typed.get(), kb.checklists(), Checklist::id, Checklist::title);
        if (checklist.isEmpty()) {
            return topics("I don't know the topic '" + typed.get() + "'. The topics are:", Reply.Kind.ERROR);
        }
        Checklist c = checklist.get();
        List<ReplyItem> items = c.items().stream()
                .map(i -> new ReplyItem(c.id() + "/" + i.id(), i.text(), false, ""))
                .toList();
        String source = kb.source(c.source()).map(s -> s.title()).orElse(c.source());
        return new Reply(Reply.Kind.CHECKLIST, c.title(), c.summary(),
                List.of(new SourceRef("Checklist", c.title(), source, c.id(), 1.0)), List.of(), items, false);
    }

    private Reply topics(String intro, Reply.Kind kind) {
        List<ReplyItem> items = kb.checklists().stream()
                .map(c -> new ReplyItem(c.id(), c.title(), false, c.summary() == null ? "" : c.summary()))
                .toList();
        return new Reply(kind, "Checklists", intro, List.of(), List.of(), items, kind == Reply.Kind.ERROR);
    }
}
