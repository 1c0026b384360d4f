/** The admins' report: what members ask, what the content does not answer, and what did not help. */
package dev.mentorbot.report;
