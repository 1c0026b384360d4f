/**
 * The Discord adapter, on JDA. Thin by design: {@link dev.mentorbot.discord.DiscordRequests} turns
 * slash commands, mentions, DMs and button clicks into core requests,
 * {@link dev.mentorbot.discord.DiscordReplies} renders core replies as Discord messages within
 * Discord's limits, {@link dev.mentorbot.discord.ComponentId} is the one place button ids are made
 * and read, and {@link dev.mentorbot.discord.DiscordAdapter} wires them to JDA. At start-up,
 * {@link dev.mentorbot.discord.Reachability} asks whether the REST URL answers at all and
 * {@link dev.mentorbot.discord.GatewaySessions} stops JDA from retrying a first gateway connection
 * that cannot be opened, so an unreachable Discord is one line, not a minute of stack traces.
 */
package dev.mentorbot.discord;
