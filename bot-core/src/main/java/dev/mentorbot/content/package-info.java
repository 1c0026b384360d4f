/**
 * The knowledge base: sources, articles, FAQ entries, roadmaps and checklists, and the loader
 * that reads and validates them from a folder or from the bundled content.
 */
package dev.mentorbot.content;
