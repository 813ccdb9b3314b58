package org.filmreviews.systemtests.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The console's queue ({@code console/queue.html}): held reviews and appeals, oldest first, updated live. */
public final class ConsoleQueuePage {

    private static final By SIGNED_IN_USER = By.id("signed-in-user");
    private static final By CASES = By.cssSelector("#queue-rows tr[data-review]");
    private static final By APPEALS = By.cssSelector("#queue-rows tr.appeal");
    private static final By ROWS = By.id("queue-rows");
    private static final By SIZE = By.id("queue-size");
    private static final By LIVE = By.id("live");
    private static final By NOTICE = By.id("notice");

    private final Browser browser;

    ConsoleQueuePage(Browser browser) {
        this.browser = browser;
    }

    /** Waits until the header names a signed-in moderator, whoever it is. */
    public ConsoleQueuePage awaitSignedIn() {
        browser.until(ConsoleSignInPage.WAIT, d -> d.findElements(SIGNED_IN_USER).size() == 1);
        return this;
    }

    /** Waits until the header says this moderator is signed in. */
    public ConsoleQueuePage awaitSignedInAs(String userName) {
        browser.until(ConsoleSignInPage.WAIT, ExpectedConditions.textToBe(SIGNED_IN_USER, userName));
        return this;
    }

    public ConsoleQueuePage awaitCases(int count) {
        browser.until(ConsoleSignInPage.WAIT, d -> d.findElements(CASES).size() == count);
        return this;
    }

    /** Waits for this review's row: cases arriving while the queue is open are added without a reload. */
    public ConsoleQueuePage awaitCaseOf(String reviewId) {
        By row = By.cssSelector("#queue-rows tr[data-review='" + reviewId + "']");
        browser.until(ConsoleSignInPage.WAIT, d -> d.findElements(row).size() == 1);
        return this;
    }

    /** Waits until the "waiting" figure reads this. */
    public ConsoleQueuePage awaitSize(String size) {
        browser.until(ConsoleSignInPage.WAIT, ExpectedConditions.textToBe(SIZE, size));
        return this;
    }

    /** The "waiting" figure, as shown. */
    public String size() {
        return browser.driver.findElement(SIZE).getText();
    }

    /** The table's text: what the rows show of each review. */
    public String rowsText() {
        return browser.driver.findElement(ROWS).getText();
    }

    public int appealRows() {
        return browser.driver.findElements(APPEALS).size();
    }

    /** The live line that says what arrived since the page loaded. */
    public String liveMessage() {
        return browser.driver.findElement(LIVE).getText();
    }

    /** Enter: the console opens the oldest case and claims it. */
    public void startWithTheOldestCaseByEnter() {
        browser.press("\n");
    }

    /** The notice shown when the queue comes back after a decision, once it is visible. */
    public String awaitNotice() {
        return browser.until(ConsoleSignInPage.WAIT, ExpectedConditions.visibilityOfElementLocated(NOTICE)).getText();
    }
}
