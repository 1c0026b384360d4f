/**
 * The member's track and next step: {@code follow TRACK} and {@code unfollow} store which roadmap a
 * member follows, {@code next} shows the current stage of it (the first with unticked items), the
 * next items to tick and the track's progress. Progress is read from the checklist ticks, so a
 * tick anywhere (a checklist view, a next view, the Home tab) moves the next step on.
 */
package dev.mentorbot.track;
