package org.filmreviews.events;

/**
 * One reason behind a decision: a stable machine code (for filters and statistics) and a sentence a
 * reviewer or moderator can read.
 */
public record Reason(String code, String message) {
}
