package org.filmreviews.review.service.account;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.filmreviews.platform.security.Roles;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * The demo accounts of the local profile: reviewers alice and bob, moderator mia, and admin; each
 * password is the user name. Never enabled in production.
 */
@ApplicationScoped
public class DemoAccounts {

    private static final Logger LOG = Logger.getLogger(DemoAccounts.class);

    @Inject
    DemoAccountsConfig config;

    @Inject
    AccountService accounts;

    void create(@Observes StartupEvent startup) {
        if (!config.enabled()) {
            return;
        }
        accounts.ensure("alice", "Alice", "alice", Set.of(Roles.REVIEWER));
        accounts.ensure("bob", "Bob", "bob", Set.of(Roles.REVIEWER));
        accounts.ensure("mia", "Mia (moderator)", "mia", Set.of(Roles.MODERATOR));
        accounts.ensure("admin", "Admin", "admin", Set.of(Roles.ADMIN));
        LOG.info("Demo accounts ready: alice, bob (reviewers), mia (moderator), admin; password = user name");
    }
}
