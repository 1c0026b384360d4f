/**
 * The composition root and the console adapter: builds the core from the settings (command
 * line, environment, config file; see {@code app.config}) and exposes the core's commands, plus
 * admin tools (eval, check-content, bench, config, reload), as a CLI. {@code run} serves the
 * platforms with the parts of a long-running service: the admin port, content reload, housekeeping
 * and a graceful stop.
 */
package dev.mentorbot.app;
