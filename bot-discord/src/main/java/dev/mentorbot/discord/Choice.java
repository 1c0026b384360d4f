package dev.mentorbot.discord;

/**
 * A value members can pick for a track or topic option.
 *
 * @param id    the content id sent to the core
 * @param title what members see
 */
public record Choice(String id, String title) {
}
