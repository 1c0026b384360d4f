package dev.mentorbot.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.views.ViewsPublishResponse;
import com.slack.api.model.view.View;
import dev.mentorbot.command.CommandRequest;
import dev.mentorbot.command.Reply;
import dev.mentorbot.command.ReplyItem;
import dev.mentorbot.state.MemberId;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A member's App Home tab: their next step, their progress, then every checklist with its
 * checkboxes. Published when the tab opens and after anything that changes what it shows.
 */
final class HomeTab {
    private final Function<CommandRequest, Reply> core;

    HomeTab(Function<CommandRequest, Reply> core) {
        this.core = core;
    }

    /** Publishes the member's Home tab through views.publish. */
    void publish(MethodsClient client, MemberId member) throws IOException, SlackApiException {
        Reply next = core.apply(new CommandRequest("next", Map.of(), member));
        Reply progress = core.apply(new CommandRequest("progress", Map.of(), member));
        Reply topics = core.apply(new CommandRequest("checklist", Map.of(), member));
        List<Reply> checklists = new ArrayList<>();
        for (ReplyItem topic : topics.items()) {
            Reply c = core.apply(new CommandRequest("checklist", Map.of("topic", topic.id()), member));
            if (c.kind() == Reply.Kind.CHECKLIST) {
                checklists.add(c);
            }
        }
        View view = View.builder().type("home").blocks(BlockKit.home(
                next.answered() ? Optional.of(next) : Optional.empty(), progress, checklists, member.userId())).build();
        ViewsPublishResponse r = SlackCalls.withRetries(() -> client.viewsPublish(b -> b.userId(member.userId()).view(view)));
        SlackCalls.check("views.publish", r.isOk(), r.getError());
    }
}
