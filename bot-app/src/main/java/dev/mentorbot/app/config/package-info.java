/**
 * Configuration: every setting in one table ({@link dev.mentorbot.app.config.Setting#ALL}), each
 * settable by a key in an optional YAML file, an environment variable and, for most, a command
 * line option. Precedence: command line, then environment, then file, then the default.
 */
package dev.mentorbot.app.config;
