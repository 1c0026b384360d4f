/** Learning tracks: {@code roadmap} (stages in detail) and {@code path} (where to start). */
package dev.mentorbot.roadmap;
