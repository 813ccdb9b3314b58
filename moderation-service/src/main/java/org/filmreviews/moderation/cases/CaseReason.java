package org.filmreviews.moderation.cases;

/** One finding behind a decision, as stored with the case and shown to moderators. */
public record CaseReason(String signal, String code, String message, double weight) {
}
