package dev.mentorbot.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mentorbot.command.NextStep;
import dev.mentorbot.command.Reply;
import dev.mentorbot.command.ReplyAction;
import dev.mentorbot.command.ReplyItem;
import dev.mentorbot.retrieval.SourceRef;
import java.util.List;

/** Renders core replies for a terminal, as readable text or as one line of JSON. */
final class ReplyRenderer {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReplyRenderer() {
    }

    /** Readable text: title, passage, items, source and related questions. */
    static String text(Reply reply) {
        StringBuilder sb = new StringBuilder();
        if (!reply.title().isBlank()) {
            sb.append(reply.title()).append('\n').append("-".repeat(Math.min(reply.title().length(), 72))).append('\n');
        }
        if (!reply.text().isBlank()) {
            sb.append(reply.text()).append('\n');
        }
        for (ReplyItem item : reply.items()) {
            boolean tickable = reply.kind() == Reply.Kind.CHECKLIST || reply.kind() == Reply.Kind.NEXT;
            String box = tickable ? (item.done() ? "[x] " : "[ ] ") : "- ";
            sb.append("  ").append(box).append(item.text());
            if (reply.kind() != Reply.Kind.ROADMAP && reply.kind() != Reply.Kind.HELP) {
                sb.append("  (").append(item.id()).append(')');
            }
            sb.append('\n');
            if (!item.detail().isBlank()) {
                item.detail().lines().forEach(l -> sb.append("      ").append(l).append('\n'));
            }
        }
        if (!reply.sources().isEmpty()) {
            SourceRef s = reply.sources().get(0);
            sb.append("\nSource: ").append(s.source());
            if (!s.section().equals(s.source())) {
                sb.append(" - ").append(s.title().equals("FAQ") ? "FAQ: " : "").append(s.section());
            }
            sb.append('\n');
        }
        if (!reply.related().isEmpty()) {
            sb.append(reply.answered() ? "\nRelated: " : "\nTry: ").append(String.join(" | ", reply.related())).append('\n');
        }
        if (!reply.actions().isEmpty()) {
            // The terminal has no buttons: each one becomes the command line that does the same.
            sb.append("\nYou can run: ").append(String.join(" | ", reply.actions().stream()
                    .map(ReplyRenderer::commandLine).toList())).append('\n');
        }
        return sb.toString();
    }

    private static String commandLine(ReplyAction action) {
        return action.value().isEmpty() ? action.command() : action.command() + " " + action.value();
    }

    /**
     * The {@code next --json} object: {@code {"track", "stage", "items": [{"id", "text", "done"}],
     * "progress"}}. Without a followed track, {@code track}, {@code stage} and {@code progress} are
     * null and {@code tracks} lists the ids to follow; once every item is ticked, {@code stage} is null.
     */
    static String nextJson(Reply reply) {
        ObjectNode o = JSON.createObjectNode();
        NextStep step = reply.step().orElse(null);
        if (step == null) {
            o.putNull("track");
            o.putNull("stage");
        } else {
            o.put("track", step.trackId());
            if (step.finished()) {
                o.putNull("stage");
            } else {
                o.putObject("stage").put("id", step.stageId()).put("title", step.stageTitle())
                        .put("number", step.stageNumber()).put("of", step.stages());
            }
        }
        ArrayNode items = o.putArray("items");
        if (step != null) {
            for (ReplyItem i : reply.items()) {
                items.addObject().put("id", i.id()).put("text", i.text()).put("done", i.done());
            }
        }
        if (step == null) {
            o.putNull("progress");
            ArrayNode tracks = o.putArray("tracks");
            reply.items().forEach(i -> tracks.add(i.id()));
        } else {
            o.putObject("progress").put("done", step.done()).put("total", step.total()).put("percent", step.percent())
                    .put("stages_done", step.stagesDone()).put("stages", step.stages());
        }
        o.put("text", reply.text());
        return o.toString();
    }

    /** The {@code ask --json} object for a reply to a question. */
    static String askJson(String question, Reply reply) {
        ObjectNode o = JSON.createObjectNode();
        o.put("question", question);
        o.put("answered", reply.answered());
        o.put("answer", reply.text());
        ArrayNode sources = o.putArray("sources");
        for (SourceRef s : reply.sources()) {
            sources.addObject().put("title", s.title()).put("section", s.section()).put("score", s.score())
                    .put("source", s.source()).put("id", s.passageId());
        }
        ArrayNode related = o.putArray("related");
        reply.related().forEach(related::add);
        return o.toString();
    }

    /** Any reply as one JSON object. */
    static String json(Reply reply) {
        ObjectNode o = JSON.createObjectNode();
        o.put("kind", reply.kind().name().toLowerCase(java.util.Locale.ROOT));
        o.put("answered", reply.answered());
        o.put("title", reply.title());
        o.put("text", reply.text());
        ArrayNode items = o.putArray("items");
        for (ReplyItem i : reply.items()) {
            items.addObject().put("id", i.id()).put("text", i.text()).put("done", i.done()).put("detail", i.detail());
        }
        ArrayNode sources = o.putArray("sources");
        for (SourceRef s : reply.sources()) {
            sources.addObject().put("title", s.title()).put("section", s.section()).put("score", s.score())
                    .put("source", s.source());
        }
        ArrayNode related = o.putArray("related");
        List.copyOf(reply.related()).forEach(related::add);
        return o.toString();
    }
}
