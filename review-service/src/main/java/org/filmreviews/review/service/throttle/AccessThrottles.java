package org.filmreviews.review.service.throttle;

import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.filmreviews.platform.throttle.Throttle;
import org.filmreviews.platform.throttle.ThrottleLimit;

import io.quarkus.scheduler.Scheduled;

/**
 * The throttles on sign-in, sign-up and votes (limits in {@link ThrottlesConfig}). Address limits and
 * the sign-in lockout are counted in this instance's memory and checked before any password is hashed;
 * the per-account vote limit is counted in the database with the vote.
 */
@ApplicationScoped
public class AccessThrottles {

    @Inject
    Throttle throttle;

    @Inject
    ThrottlesConfig config;

    @Inject
    AccountActivity activity;

    /** Before a password is checked: refuses an address that tried too often, or an account locked by failures. */
    public void beforeSignIn(String address, String username) {
        throttle.take("sign-in", address, limit(config.signInPerAddress(), "Too many sign-in attempts from your address."));
        if (username != null) {
            throttle.check("sign-in-failures", account(username), failures());
        }
    }

    public void signInFailed(String username) {
        if (username != null) {
            throttle.record("sign-in-failures", account(username), failures());
        }
    }

    public void signedIn(String username) {
        throttle.reset("sign-in-failures", account(username));
    }

    public void beforeSignUp(String address) {
        throttle.take("sign-up", address, limit(config.signUpPerAddress(), "Too many new accounts from your address."));
    }

    public void beforeVote(String address) {
        throttle.take("vote", address, limit(config.votesPerAddress(), "Too many votes from your address."));
    }

    /** One more vote change of the account; the caller holds the lock on the account's row. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void vote(UUID voterId) {
        activity.take(voteLimit(), voterId);
    }

    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void forgetOldVotes() {
        activity.forget(voteLimit());
    }

    private RateLimit voteLimit() {
        return new RateLimit("vote", config.votesPerAccount().max(), config.votesPerAccount().window(), "vote on");
    }

    private ThrottleLimit failures() {
        return limit(config.signInFailuresPerAccount(), "This account is locked after too many wrong passwords.");
    }

    private static ThrottleLimit limit(ThrottlesConfig.Limit limit, String refusal) {
        return new ThrottleLimit(limit.max(), limit.window(), refusal);
    }

    private static String account(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }
}
