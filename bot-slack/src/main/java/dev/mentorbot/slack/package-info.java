/**
 * The Slack adapter: Bolt in Socket Mode or over HTTP (Jetty 12), kept thin. {@link
 * dev.mentorbot.slack.SlackText} turns what members type into core requests, {@link
 * dev.mentorbot.slack.BlockKit} renders core replies, {@link dev.mentorbot.slack.ActionValue} is
 * the one format of button and checkbox state. {@link dev.mentorbot.slack.SlackBot} is the table of
 * Bolt handlers (ack first, the core on an executor); {@link dev.mentorbot.slack.MessageHandler}
 * answers mentions, DMs and thread follow-ups, {@link dev.mentorbot.slack.ActionHandler} buttons and
 * checkboxes (ticks reconciled by {@link dev.mentorbot.slack.ChecklistTicks}), {@link
 * dev.mentorbot.slack.HomeTab} publishes the App Home, and {@link dev.mentorbot.slack.SlackCalls}
 * is how the Web API is called (429 retries, one log line per refusal). {@link
 * dev.mentorbot.slack.SocketModeMessage} reads the type of Socket Mode's own messages (hello,
 * disconnect) as JSON.
 */
package dev.mentorbot.slack;
