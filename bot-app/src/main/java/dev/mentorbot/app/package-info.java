/**
 * The composition root and the console adapter: builds the core from the command-line options
 * and exposes the core's commands, plus admin tools (eval, check-content, bench), as a CLI.
 */
package dev.mentorbot.app;
