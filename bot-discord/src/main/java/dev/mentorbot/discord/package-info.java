/**
 * The Discord adapter, on JDA. Thin by design: {@link dev.mentorbot.discord.DiscordRequests} turns
 * slash commands, mentions, DMs and button clicks into core requests,
 * {@link dev.mentorbot.discord.DiscordReplies} renders core replies as Discord messages within
 * Discord's limits, {@link dev.mentorbot.discord.ComponentId} is the one place button ids are made
 * and read. {@link dev.mentorbot.discord.DiscordAdapter} owns the connection (log-in, shards,
 * command registration, shutdown), {@link dev.mentorbot.discord.InteractionListener} answers slash
 * commands, autocomplete and buttons, {@link dev.mentorbot.discord.MentionListener} answers mentions,
 * DMs and thread follow-ups, and {@link dev.mentorbot.discord.CoreCalls} runs the core off JDA's
 * threads for both. At start-up,
 * {@link dev.mentorbot.discord.Reachability} asks whether the REST URL answers at all and
 * {@link dev.mentorbot.discord.GatewaySessions} stops JDA from retrying a first gateway connection
 * that cannot be opened, so an unreachable Discord is one line, not a minute of stack traces.
 */
package dev.mentorbot.discord;
