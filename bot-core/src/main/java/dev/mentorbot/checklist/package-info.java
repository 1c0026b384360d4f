/** Checklists members tick off: {@code checklist [topic]}. */
package dev.mentorbot.checklist;
