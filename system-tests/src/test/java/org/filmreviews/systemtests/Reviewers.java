package org.filmreviews.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.filmreviews.devinfra.launch.ApiClient;

/** Accounts made for a test through review-service's public sign-up, each with a name of its own. */
final class Reviewers {

    private Reviewers() {
    }

    /** Signs up {@code prefix} plus a random part, shown as {@code displayName}, and returns the account's token. */
    static String signUp(ApiClient api, String reviewService, String prefix, String displayName, String password) {
        String username = prefix + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post(reviewService + "/accounts", null,
                Map.of("username", username, "displayName", displayName, "password", password)).status()).isEqualTo(201);
        return api.token(reviewService, username, password);
    }
}
