package org.filmreviews.events;

/** A person in a film and the character they play (empty for crew-like credits). */
public record CastMember(String name, String character) {
}
