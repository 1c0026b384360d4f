package dev.mentorbot.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mentorbot.command.Reply;
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
            String box = reply.kind() == Reply.Kind.CHECKLIST ? (item.done() ? "[x] " : "[ ] ") : "- ";
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
        return sb.toString();
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
