package org.filmreviews.systemtests.pages;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The moderation console's sign-in form ({@code console/signIn.html}), where {@code /console} starts. */
public final class ConsoleSignInPage {

    /** How long any console screen may take to show what a step waits for. */
    static final Duration WAIT = Duration.ofSeconds(30);

    private static final By FORM = By.id("sign-in");
    private static final By USER_NAME = By.id("username");
    private static final By PASSWORD = By.id("password");
    private static final By SIGN_IN = By.id("sign-in-button");
    private static final By ERROR = By.id("sign-in-error");

    private final Browser browser;

    private ConsoleSignInPage(Browser browser) {
        this.browser = browser;
    }

    /** Goes to the console; without a session cookie it answers with this form. */
    public static ConsoleSignInPage open(Browser browser, String moderationService) {
        browser.get(moderationService + "/console");
        return new ConsoleSignInPage(browser);
    }

    public ConsoleSignInPage awaitForm() {
        browser.until(WAIT, ExpectedConditions.visibilityOfElementLocated(FORM));
        return this;
    }

    public ConsoleSignInPage typeUserName(String userName) {
        browser.driver.findElement(USER_NAME).sendKeys(userName);
        return this;
    }

    public ConsoleSignInPage typePassword(String password) {
        browser.driver.findElement(PASSWORD).sendKeys(password);
        return this;
    }

    /** Clicks "Sign in"; on success the console shows the queue. */
    public ConsoleQueuePage submit() {
        browser.driver.findElement(SIGN_IN).click();
        return new ConsoleQueuePage(browser);
    }

    public ConsoleQueuePage signInAs(String userName, String password) {
        return typeUserName(userName).typePassword(password).submit();
    }

    /** The message of a refused sign-in, once it shows (the form comes back with the user name filled in). */
    public String awaitError() {
        return browser.until(WAIT, ExpectedConditions.visibilityOfElementLocated(ERROR)).getText();
    }
}
