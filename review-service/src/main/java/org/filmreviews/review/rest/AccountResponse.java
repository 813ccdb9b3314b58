package org.filmreviews.review.rest;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.filmreviews.review.domain.Account;

public record AccountResponse(UUID id, String username, String displayName, Set<String> roles, Instant createdAt) {

    static AccountResponse of(Account account) {
        return new AccountResponse(account.id, account.username, account.displayName, account.roleSet(), account.createdAt);
    }
}
