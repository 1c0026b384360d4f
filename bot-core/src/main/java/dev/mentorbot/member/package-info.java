/** What the bot remembers about a member: {@code progress} shows it, {@code forget-me} deletes it. */
package dev.mentorbot.member;
