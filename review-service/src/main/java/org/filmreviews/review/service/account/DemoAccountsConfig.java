package org.filmreviews.review.service.account;

import io.smallrye.config.ConfigMapping;

/** {@code filmreviews.demo-accounts.*}: the demo accounts of {@link DemoAccounts}. */
@ConfigMapping(prefix = "filmreviews.demo-accounts")
public interface DemoAccountsConfig {

    /** Whether the demo accounts are made at start-up: in the local, dev and test profiles only, never in production. */
    boolean enabled();
}
