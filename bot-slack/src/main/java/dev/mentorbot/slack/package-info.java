/**
 * The Slack adapter: Bolt in Socket Mode or over HTTP (Jetty 12), kept thin. {@link
 * dev.mentorbot.slack.SlackText} turns what members type into core requests, {@link
 * dev.mentorbot.slack.BlockKit} renders core replies, {@link dev.mentorbot.slack.ActionValue} is
 * the one format of button and checkbox state, and {@link dev.mentorbot.slack.SlackBot} wires them
 * to Bolt's handlers (ack first, the core on an executor). {@link
 * dev.mentorbot.slack.SocketModeMessage} reads the type of Socket Mode's own messages (hello,
 * disconnect) as JSON.
 */
package dev.mentorbot.slack;
