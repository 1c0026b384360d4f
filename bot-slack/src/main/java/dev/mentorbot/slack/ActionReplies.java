package dev.mentorbot.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.webhook.WebhookResponse;
import dev.mentorbot.command.CommandRequest;
import dev.mentorbot.command.Reply;
import java.io.IOException;
import java.util.function.Function;

/**
 * How a button or checkbox is answered: through the action's response_url (replacing the message
 * or beside it), or, from the Home tab, which has none, in the member's DM with the bot.
 */
final class ActionReplies {
    private final Function<CommandRequest, Reply> core;

    ActionReplies(Function<CommandRequest, Reply> core) {
        this.core = core;
    }

    /** Runs a request and shows its reply to the member who acted. */
    void show(BlockActionPayload p, ActionContext ctx, CommandRequest request, boolean replace)
            throws IOException, SlackApiException {
        show(p, ctx, core.apply(request), BlockKit.Origin.of(request, request.member().userId()), replace);
    }

    /** Shows a reply drawn as {@code command}'s for {@code user}. */
    void show(BlockActionPayload p, ActionContext ctx, Reply reply, String command, String user, boolean replace)
            throws IOException, SlackApiException {
        show(p, ctx, reply, new BlockKit.Origin(command, user, ""), replace);
    }

    void show(BlockActionPayload p, ActionContext ctx, Reply reply, BlockKit.Origin origin, boolean replace)
            throws IOException, SlackApiException {
        if (reply.silent()) {
            return;
        }
        String user = origin.owner();
        SlackMessage m = BlockKit.message(reply, origin);
        if (p.getResponseUrl() != null) {
            WebhookResponse r = ctx.respond(ActionResponse.builder().replaceOriginal(replace)
                    .responseType(m.ephemeral() ? "ephemeral" : "in_channel")
                    .text(m.text()).blocks(m.blocks()).build());
            SlackCalls.check("response_url", r);
        } else {
            // The Home tab has no response_url: answer in the member's DM with the bot.
            ChatPostMessageResponse r = SlackCalls.withRetries(() -> ctx.client().chatPostMessage(b -> b.channel(user)
                    .text(m.text()).blocks(m.blocks())));
            SlackCalls.check("chat.postMessage", r.isOk(), r.getError());
        }
    }

    /** A one-line answer to the member who acted, beside the message. */
    void notice(BlockActionPayload p, ActionContext ctx, String message) throws IOException, SlackApiException {
        show(p, ctx, Reply.error(message), "help", p.getUser().getId(), false);
    }

    /** Whether the action came from the Home tab rather than a message. */
    static boolean inHomeTab(BlockActionPayload p) {
        return "view".equals(p.getContainer() == null ? null : p.getContainer().getType());
    }
}
