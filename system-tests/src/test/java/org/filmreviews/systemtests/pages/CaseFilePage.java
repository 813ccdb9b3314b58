package org.filmreviews.systemtests.pages;

import java.util.List;
import java.util.Optional;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * One case in the console ({@code console/caseFile.html}): the review with the engine's findings, the
 * decision panel (or take-down and restore once decided), and the audit trail. Decisions are made by click
 * or by the console's keys, as the test says which.
 */
public final class CaseFilePage {

    private static final By CASE = By.id("case");
    private static final By CLAIM = By.id("claim");
    private static final By BODY = By.id("body");
    private static final By SPOILER_HIGHLIGHTS = By.cssSelector("#body .segment.spoiler");
    private static final By STATUS = By.id("status");
    private static final By APPEAL_TEXT = By.id("appeal-text");
    private static final By REASON = By.id("reason");
    private static final By NOTE = By.id("note");
    private static final By APPROVE = By.id("approve");
    private static final By REJECT = By.id("reject");
    private static final By TAKE_DOWN = By.id("take-down");
    private static final By RESTORE = By.id("restore");
    private static final By AUDIT = By.id("audit");

    private final Browser browser;
    private String url;

    private CaseFilePage(Browser browser) {
        this.browser = browser;
    }

    /** Goes straight to a review's case, as a link or the "Open" box does. */
    public static CaseFilePage open(Browser browser, String moderationService, String reviewId) {
        browser.get(moderationService + "/console/cases/" + reviewId);
        return new CaseFilePage(browser);
    }

    /**
     * Where the console went after Enter or a decision: the next case, or (empty) the queue with
     * {@code cleared=true} once none is left.
     */
    public static Optional<CaseFilePage> nextOrClearedQueue(Browser browser) {
        browser.until(ConsoleSignInPage.WAIT,
                d -> d.getCurrentUrl().contains("/console/cases/") || d.getCurrentUrl().contains("cleared=true"));
        if (browser.currentUrl().contains("cleared=true")) {
            return Optional.empty();
        }
        return Optional.of(new CaseFilePage(browser));
    }

    /** The case's review id, once the case is on the page. */
    public String awaitReviewId() {
        return browser.until(ConsoleSignInPage.WAIT, ExpectedConditions.presenceOfElementLocated(CASE))
                .getAttribute("data-review");
    }

    /** Waits until the console has claimed the case for this moderator, so that a decision is theirs. */
    public CaseFilePage awaitClaimedByYou() {
        browser.until(ConsoleSignInPage.WAIT, ExpectedConditions.textToBePresentInElementLocated(CLAIM, "Claimed by you"));
        url = browser.currentUrl();
        return this;
    }

    /** After a decision: waits until the console has moved on from this case. */
    public void awaitNextScreen() {
        browser.until(ConsoleSignInPage.WAIT, ExpectedConditions.not(ExpectedConditions.urlToBe(url)));
    }

    /** Waits until the review's text is on the page (the console escapes it, whatever it holds). */
    public CaseFilePage awaitReviewText() {
        browser.until(ConsoleSignInPage.WAIT, d -> d.findElements(BODY).size() == 1);
        return this;
    }

    public String reviewText() {
        return browser.driver.findElement(BODY).getText();
    }

    /** The passages the engine highlighted as spoilers, in order. */
    public List<String> spoilerHighlights() {
        return browser.driver.findElements(SPOILER_HIGHLIGHTS).stream().map(WebElement::getText).toList();
    }

    public String status() {
        return browser.driver.findElement(STATUS).getText();
    }

    public String appealText() {
        return browser.driver.findElement(APPEAL_TEXT).getText();
    }

    /** The reason chosen for a rejection or take-down (its code). */
    public String reason() {
        return browser.driver.findElement(REASON).getAttribute("value");
    }

    /** Keys 1–7: a reason for a rejection or a take-down. */
    public CaseFilePage chooseReasonByKey(int number) {
        browser.press(Integer.toString(number));
        return this;
    }

    public CaseFilePage chooseReason(String code) {
        new Select(browser.driver.findElement(REASON)).selectByValue(code);
        return this;
    }

    public CaseFilePage writeNote(String note) {
        browser.driver.findElement(NOTE).sendKeys(note);
        return this;
    }

    public void approveByClick() {
        browser.driver.findElement(APPROVE).click();
    }

    public void rejectByClick() {
        browser.driver.findElement(REJECT).click();
    }

    public void approveByKey() {
        browser.press("a");
    }

    public void approveAsSpoilerByKey() {
        browser.press("s");
    }

    public void rejectByKey() {
        browser.press("r");
    }

    public void takeDownByKey() {
        browser.press("t");
    }

    public void restoreByKey() {
        browser.press("u");
    }

    /** Waits until a decided, published review can be taken down. */
    public CaseFilePage awaitTakeDown() {
        browser.until(ConsoleSignInPage.WAIT, ExpectedConditions.elementToBeClickable(TAKE_DOWN));
        return this;
    }

    /** Waits until a taken-down review can be restored. */
    public CaseFilePage awaitRestore() {
        browser.until(ConsoleSignInPage.WAIT, ExpectedConditions.elementToBeClickable(RESTORE));
        return this;
    }

    /** The audit trail's text, once it is on the page. */
    public String awaitAuditTrail() {
        browser.until(ConsoleSignInPage.WAIT, ExpectedConditions.presenceOfElementLocated(AUDIT));
        return browser.driver.findElement(AUDIT).getText();
    }

    /** For a screenshot: the trail sits below the decision panel. */
    public void scrollToAuditTrail() {
        browser.script("document.getElementById('audit').scrollIntoView()");
    }
}
