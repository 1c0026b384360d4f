/**
 * Serving the core to many members at once: the one entry point adapters call
 * ({@link dev.mentorbot.serve.ServingCore}), with per-member and global rate limits, metrics,
 * an atomic swap of the command set when content is reloaded, and a bounded drain on shutdown.
 */
package dev.mentorbot.serve;
