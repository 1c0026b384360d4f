/**
 * The Discord adapter, on JDA. Thin by design: {@link dev.mentorbot.discord.DiscordRequests} turns
 * slash commands, mentions, DMs and button clicks into core requests,
 * {@link dev.mentorbot.discord.DiscordReplies} renders core replies as Discord messages within
 * Discord's limits, {@link dev.mentorbot.discord.ComponentId} is the one place button ids are made
 * and read, and {@link dev.mentorbot.discord.DiscordAdapter} wires them to JDA.
 */
package dev.mentorbot.discord;
