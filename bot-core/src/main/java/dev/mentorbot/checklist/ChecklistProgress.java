package dev.mentorbot.checklist;

import dev.mentorbot.content.Checklist;
import dev.mentorbot.content.ChecklistItem;
import dev.mentorbot.content.KnowledgeBase;
import dev.mentorbot.content.RoadmapStage;
import dev.mentorbot.state.ItemProgress;
import dev.mentorbot.state.MemberId;
import dev.mentorbot.state.ProgressStore;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A member's progress read against the current content: only items that still exist count, so
 * a checklist edited after members ticked it never shows more done than it has.
 */
public final class ChecklistProgress {
    private final KnowledgeBase kb;
    private final ProgressStore store;

    public ChecklistProgress(KnowledgeBase kb, ProgressStore store) {
        this.kb = kb;
        this.store = store;
    }

    /** Ids of the checklist's items the member has ticked. */
    public Set<String> done(MemberId member, Checklist checklist) {
        Set<String> exists = new HashSet<>();
        checklist.items().forEach(i -> exists.add(i.id()));
        Set<String> done = new HashSet<>();
        for (ItemProgress p : store.checklist(member, checklist.id())) {
            if (p.done() && exists.contains(p.itemId())) {
                done.add(p.itemId());
            }
        }
        return done;
    }

    /** Done and total items over the checklists a roadmap stage links. */
    public Count stage(MemberId member, RoadmapStage stage) {
        int done = 0;
        int total = 0;
        for (String id : stage.checklists()) {
            Checklist c = kb.checklist(id).orElse(null);
            if (c != null) {
                done += done(member, c).size();
                total += c.items().size();
            }
        }
        return new Count(done, total);
    }

    /** Done and total items of one checklist. */
    public Count checklist(MemberId member, Checklist checklist) {
        return new Count(done(member, checklist).size(), checklist.items().size());
    }

    /** The item a member means: its id, or its 1-based number in the list. */
    public static java.util.Optional<ChecklistItem> item(Checklist checklist, String typed) {
        String t = typed.strip();
        List<ChecklistItem> items = checklist.items();
        if (t.matches("\\d{1,4}")) {
            int n = Integer.parseInt(t);
            return n >= 1 && n <= items.size() ? java.util.Optional.of(items.get(n - 1)) : java.util.Optional.empty();
        }
        String id = t.contains("/") ? t.substring(t.indexOf('/') + 1) : t;
        return items.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    /**
     * Items done out of a total.
     *
     * @param done  ticked items
     * @param total all items
     */
    public record Count(int done, int total) {
        @Override
        public String toString() {
            return done + "/" + total;
        }
    }
}
