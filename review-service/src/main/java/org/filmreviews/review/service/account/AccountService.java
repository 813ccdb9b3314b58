package org.filmreviews.review.service.account;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.filmreviews.platform.domain.Conflict;
import org.filmreviews.platform.domain.InvalidInput;
import org.filmreviews.platform.json.UserText;
import org.filmreviews.platform.security.Roles;
import org.filmreviews.review.domain.Account;
import org.filmreviews.review.repository.AccountRepository;

import io.quarkus.elytron.security.common.BcryptUtil;

/** Sign-up and sign-in. Passwords are kept only as bcrypt hashes. */
@ApplicationScoped
public class AccountService {

    public static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{3,32}");
    public static final int MAX_DISPLAY_NAME = 64;
    public static final int MIN_PASSWORD = 8;
    /** Compared against when the user does not exist, so that timing does not tell whether it does. */
    private static final String UNKNOWN_USER_HASH = BcryptUtil.bcryptHash("no such user: compare anyway");

    @Inject
    AccountRepository accounts;

    /** A new reviewer account; the rules are those of the sign-up form. */
    @Transactional
    public Account signUp(String username, String displayName, String password) {
        if (displayName != null && displayName.codePoints().anyMatch(AccountService::unprintable)) {
            throw InvalidInput.field("displayName", "must be printable characters on one line");
        }
        String name = UserText.cleanOrNull(displayName);
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw InvalidInput.field("username", "must be 3 to 32 letters, digits, '.', '_' or '-'");
        }
        if (name == null || name.codePointCount(0, name.length()) > MAX_DISPLAY_NAME || name.contains("\n")
                || name.contains("\t")) {
            throw InvalidInput.field("displayName", "must be 1 to 64 printable characters on one line");
        }
        if (password == null || password.length() < MIN_PASSWORD) {
            throw InvalidInput.field("password", "must be at least 8 characters long");
        }
        return create(username, name, password, Set.of(Roles.REVIEWER));
    }

    /** For demo and seed accounts, which may break the sign-up rules (password = user name). */
    @Transactional
    public Account ensure(String username, String displayName, String password, Set<String> roles) {
        return accounts.findByUsername(username).orElseGet(() -> create(username, displayName, password, roles));
    }

    public Optional<Account> authenticate(String username, String password) {
        Optional<Account> account = username == null ? Optional.empty() : accounts.findByUsername(username);
        String hash = account.map(a -> a.passwordHash).orElse(UNKNOWN_USER_HASH);
        boolean matches = password != null && BcryptUtil.matches(password, hash);
        return matches ? account : Optional.empty();
    }

    public Optional<Account> find(UUID id) {
        return accounts.findByIdOptional(id);
    }

    private static boolean unprintable(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    private Account create(String username, String displayName, String password, Set<String> roles) {
        if (accounts.findByUsername(username).isPresent()) {
            throw new Conflict("The user name '" + username + "' is taken.");
        }
        Account account = new Account();
        account.id = UUID.randomUUID();
        account.username = username;
        account.displayName = displayName;
        account.passwordHash = BcryptUtil.bcryptHash(password);
        account.roles = String.join(",", roles);
        account.createdAt = Instant.now();
        accounts.persist(account);
        return account;
    }
}
