package org.filmreviews.moderation.service;

import org.filmreviews.moderation.domain.ModerationCase;

/** A case with what a moderator needs around it: the film's title and the author's history. */
public record CaseFile(ModerationCase subject, String filmTitle, AuthorHistory author) {
}
