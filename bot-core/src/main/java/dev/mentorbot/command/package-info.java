/**
 * The core's one port: commands declared as data ({@link dev.mentorbot.command.CommandSpec}), one
 * handler each, registered in {@link dev.mentorbot.command.Commands}; a platform-neutral
 * {@link dev.mentorbot.command.CommandRequest} in, a {@link dev.mentorbot.command.Reply} out.
 * The console, Discord and Slack adapters derive their commands from the same list.
 */
package dev.mentorbot.command;
