package org.filmreviews.review.domain;

import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Someone who can sign in: a reviewer, a moderator or an admin. */
@Entity
@Table(name = "account")
public class Account {

    @Id
    public UUID id;

    public String username;

    @Column(name = "display_name")
    public String displayName;

    /** bcrypt; the password itself is never stored. */
    @Column(name = "password_hash")
    public String passwordHash;

    /** Comma-separated role names. */
    public String roles;

    @Column(name = "created_at")
    public Instant createdAt;

    public Set<String> roleSet() {
        return Arrays.stream(roles.split(",")).map(String::trim).filter(r -> !r.isEmpty()).collect(Collectors.toSet());
    }
}
