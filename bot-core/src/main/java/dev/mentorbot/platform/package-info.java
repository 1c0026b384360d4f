/**
 * What a chat platform adapter is to the rest of the bot: something the {@code run} command
 * starts, watches and stops. Adapters translate platform events into
 * {@link dev.mentorbot.command.CommandRequest}s and render {@link dev.mentorbot.command.Reply}s;
 * they hold no mentoring logic.
 */
package dev.mentorbot.platform;
