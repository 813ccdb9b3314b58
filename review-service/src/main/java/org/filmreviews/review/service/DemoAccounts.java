package org.filmreviews.review.service;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
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

    @ConfigProperty(name = "filmreviews.demo-accounts.enabled")
    boolean enabled;

    @Inject
    AccountService accounts;

    void create(@Observes StartupEvent startup) {
        if (!enabled) {
            return;
        }
        accounts.ensure("alice", "Alice", "alice", Set.of(Roles.REVIEWER));
        accounts.ensure("bob", "Bob", "bob", Set.of(Roles.REVIEWER));
        accounts.ensure("mia", "Mia (moderator)", "mia", Set.of(Roles.MODERATOR));
        accounts.ensure("admin", "Admin", "admin", Set.of(Roles.ADMIN));
        LOG.info("Demo accounts ready: alice, bob (reviewers), mia (moderator), admin; password = user name");
    }
}
