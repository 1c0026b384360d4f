/**
 * Weekly check-ins: members opt in with {@code checkin on} (when the admin turned the feature on),
 * and once a week get a direct message with what they ticked and their next step.
 * {@link dev.mentorbot.checkin.WeeklyCheckins} sends them, claiming each in the database so that
 * several instances never send one twice.
 */
package dev.mentorbot.checkin;
