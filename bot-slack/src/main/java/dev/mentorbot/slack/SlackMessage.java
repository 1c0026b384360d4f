package dev.mentorbot.slack;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;

/**
 * A rendered reply: Block Kit blocks, the plain fallback text notifications show, and whether only
 * the member should see it.
 *
 * @param text      fallback text (mrkdwn-escaped)
 * @param blocks    the blocks, within Slack's limits
 * @param ephemeral whether only the asking member should see it
 */
public record SlackMessage(String text, List<LayoutBlock> blocks, boolean ephemeral) {
    public SlackMessage {
        blocks = List.copyOf(blocks);
    }
}
