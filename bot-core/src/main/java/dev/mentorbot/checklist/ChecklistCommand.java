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
import dev.mentorbot.state.MemberId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code checklist [topic]}: the topics with the member's progress, or one topic's items and their state. */
public final class ChecklistCommand implements CommandHandler {
    public static final CommandSpec SPEC = new CommandSpec("checklist",
            "A checklist of what to learn for a topic, with your progress",
            List.of(new OptionSpec("topic", "The topic (leave empty to see the topics)", OptionSpec.Type.TOPIC, false)));

    private final KnowledgeBase kb;
    private final ChecklistProgress progress;

    public ChecklistCommand(KnowledgeBase kb, ChecklistProgress progress) {
        this.kb = kb;
        this.progress = progress;
    }

    @Override
    public Reply handle(CommandRequest request) {
        Optional<String> typed = request.option("topic");
        if (typed.isEmpty()) {
            return topics(kb, progress, request.member(), "Pick a topic:", Reply.Kind.LIST);
        }
        Optional<Checklist> checklist = resolve(kb, typed.get());
        if (checklist.isEmpty()) {
            return topics(kb, progress, request.member(), "I don't know the topic '" + typed.get() + "'. The topics are:",
                    Reply.Kind.ERROR);
        }
        return view(kb, progress, request.member(), checklist.get(), "");
    }

    static Optional<Checklist> resolve(KnowledgeBase kb, String typed) {
        return Choices.resolve(typed, kb.checklists(), Checklist::id, Checklist::title);
    }

    /** One checklist with the member's ticks; personal, so only the member sees it. */
    static Reply view(KnowledgeBase kb, ChecklistProgress progress, MemberId member, Checklist c, String note) {
        Set<String> done = progress.done(member, c);
        List<ReplyItem> items = c.items().stream()
                .map(i -> new ReplyItem(c.id() + "/" + i.id(), i.text(), done.contains(i.id()), ""))
                .toList();
        String source = kb.source(c.source()).map(s -> s.title()).orElse(c.source());
        String summary = (c.summary() == null ? "" : c.summary() + " ") + done.size() + "/" + items.size() + " done.";
        return new Reply(Reply.Kind.CHECKLIST, c.title(), note.isEmpty() ? summary : note + " " + summary,
                List.of(new SourceRef("Checklist", c.title(), source, c.id(), 1.0)), List.of(), items, true);
    }

    static Reply topics(KnowledgeBase kb, ChecklistProgress progress, MemberId member, String intro, Reply.Kind kind) {
        List<ReplyItem> items = kb.checklists().stream()
                .map(c -> new ReplyItem(c.id(), c.title() + " (" + progress.checklist(member, c) + " done)", false,
                        c.summary() == null ? "" : c.summary()))
                .toList();
        return new Reply(kind, "Checklists", intro, List.of(), List.of(), items, true);
    }
}
