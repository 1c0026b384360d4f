package dev.mentorbot.content;

/** Whether a source is published material (may carry figures) or the project's own advice (may not). */
public enum SourceKind {
    /** A published source: its figures may be quoted, attributed to it. */
    ARTICLE,
    /** Advice written by the project's editors: carries no figures. */
    EDITORIAL;
}
