package dev.mentorbot.checklist;

import dev.mentorbot.command.CommandHandler;
import dev.mentorbot.command.CommandRequest;
import dev.mentorbot.command.CommandSpec;
import dev.mentorbot.command.OptionSpec;
import dev.mentorbot.command.Reply;
import dev.mentorbot.content.Checklist;
import dev.mentorbot.content.ChecklistItem;
import dev.mentorbot.content.KnowledgeBase;
import dev.mentorbot.state.ProgressStore;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * {@code tick topic item} and {@code untick topic item}: mark a checklist item done or not done.
 * Ids are checked against the content before anything is stored.
 */
public final class TickCommand implements CommandHandler {
    public static final CommandSpec TICK = spec("tick", "Mark a checklist item as done");
    public static final CommandSpec UNTICK = spec("untick", "Mark a checklist item as not done");

    private final KnowledgeBase kb;
    private final ProgressStore store;
    private final ChecklistProgress progress;
    private final Clock clock;
    private final boolean done;

    public TickCommand(KnowledgeBase kb, ProgressStore store, Clock clock, boolean done) {
        this.kb = kb;
        this.store = store;
        this.progress = new ChecklistProgress(kb, store);
        this.clock = clock;
        this.done = done;
    }

    private static CommandSpec spec(String name, String description) {
        return new CommandSpec(name, description, List.of(
                new OptionSpec("topic", "The checklist topic", OptionSpec.Type.TOPIC, true),
                new OptionSpec("item", "The item: its id or its number in the list", OptionSpec.Type.ITEM, true)));
    }

    @Override
    public Reply handle(CommandRequest request) {
        String topic = request.option("topic").orElseThrow();
        String typedItem = request.option("item").orElseThrow();
        // A button sends "checklist-id/item-id" as the item: that names the checklist too.
        if (typedItem.contains("/") && kb.checklist(typedItem.substring(0, typedItem.indexOf('/'))).isPresent()) {
            topic = typedItem.substring(0, typedItem.indexOf('/'));
        }
        Optional<Checklist> checklist = ChecklistCommand.resolve(kb, topic);
        if (checklist.isEmpty()) {
            return ChecklistCommand.topics(kb, progress, request.member(),
                    "I don't know the topic '" + topic + "'. The topics are:", Reply.Kind.ERROR);
        }
        Checklist c = checklist.get();
        Optional<ChecklistItem> item = ChecklistProgress.item(c, typedItem);
        if (item.isEmpty()) {
            Reply view = ChecklistCommand.view(kb, progress, request.member(), c, "");
            return new Reply(Reply.Kind.ERROR, view.title(), "'" + typedItem + "' is not an item of " + c.title()
                    + ". Use an item id or its number (1-" + c.items().size() + "):", view.sources(), List.of(),
                    view.items(), true);
        }
        store.set(request.member(), c.id(), item.get().id(), done, clock.instant());
        String note = (done ? "Done: " : "Not done: ") + item.get().text() + ".";
        return ChecklistCommand.view(kb, progress, request.member(), c, note);
    }
}
