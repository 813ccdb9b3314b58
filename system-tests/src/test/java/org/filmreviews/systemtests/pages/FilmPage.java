package org.filmreviews.systemtests.pages;

import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A film's HTML page from catalog-service ({@code FilmPageHtml/page.html} with {@code film-page.js}): the
 * film's head, rating, storyline and the list of reviews, which the page keeps up to date from the film's
 * event stream. Its waits take their durations from the test: live updates are slower than page loads.
 */
public final class FilmPage {

    private static final By FILM = By.id("film");
    private static final By REVIEWS = By.cssSelector(".review-list > li");
    private static final By HEAD = By.cssSelector(".film-head");
    private static final By STORYLINE = By.id("storyline");
    private static final By RATING = By.id("rating");
    private static final By LIVE_STATUS = By.id("live-status");
    private static final By REVIEW_COUNT = By.cssSelector("#reviews-title .count");

    private final Browser browser;

    private FilmPage(Browser browser) {
        this.browser = browser;
    }

    /** The film's page; {@code path} is what follows {@code /films/}, e.g. an id or {@code ID/page?sort=highest}. */
    public static FilmPage open(Browser browser, String catalogService, String path) {
        browser.get(catalogService + "/films/" + path);
        return new FilmPage(browser);
    }

    /** Waits until the page's event stream is connected, so that what happens from now on reaches it. */
    public FilmPage awaitLiveUpdates(Duration within) {
        browser.until(within, d -> "connected".equals(d.findElement(FILM).getAttribute("data-live")));
        return this;
    }

    public FilmPage awaitReviews(int count, Duration within) {
        browser.until(within, d -> d.findElements(REVIEWS).size() == count);
        return this;
    }

    /** Waits until the review's line on the page shows this text (a live update may replace the line). */
    public FilmPage awaitReviewShowing(String reviewId, String text, Duration within) {
        browser.until(within, d -> browser.shown(d.findElement(By.id("review-" + reviewId))).contains(text));
        return this;
    }

    public void reload() {
        browser.driver.navigate().refresh();
    }

    /** How many reviews the list shows now. */
    public int reviews() {
        return browser.driver.findElements(REVIEWS).size();
    }

    /** The review by this author (as the page names them). */
    public Review reviewBy(String author) {
        return browser.driver.findElements(REVIEWS).stream().map(Review::new).filter(item -> item.author().equals(author))
                .findFirst().orElseThrow(() -> new AssertionError("no review by " + author + " in the browser"));
    }

    /** The review at this place in the list, from the top. */
    public Review reviewAt(int index) {
        return new Review(browser.driver.findElements(REVIEWS).get(index));
    }

    public String headShown() {
        return browser.shown(browser.driver.findElement(HEAD));
    }

    public String storylineShown() {
        return browser.shown(browser.driver.findElement(STORYLINE));
    }

    public String ratingShown() {
        return browser.shown(browser.driver.findElement(RATING));
    }

    /** The line that tells a reader what the live updates changed. */
    public String liveStatus() {
        return browser.shown(browser.driver.findElement(LIVE_STATUS));
    }

    /** The count beside "User reviews". */
    public String reviewCountShown() {
        return browser.shown(browser.driver.findElement(REVIEW_COUNT));
    }

    /** When (browser clock, ms) the page last fetched its reviews again; blank if it never did. */
    public String refreshedAt() {
        return browser.driver.findElement(FILM).getAttribute("data-refreshed");
    }

    /** When a live notice last placed a review from the notice's own markup. */
    public String placedAt() {
        return browser.driver.findElement(FILM).getAttribute("data-placed");
    }

    /** When a live notice last changed a review's vote line. */
    public String votedAt() {
        return browser.driver.findElement(FILM).getAttribute("data-voted");
    }

    /** One review in the list. */
    public final class Review {

        private static final By AUTHOR = By.cssSelector(".author");
        private static final By EXCERPT_SPOILER = By.cssSelector(".excerpt details.spoiler-sentence");
        private static final By VIEW_MORE = By.cssSelector("details.more > summary");
        private static final By FULL_TEXT_SPOILERS = By.cssSelector("details.more details.spoiler-sentence");
        private static final By SUMMARY = By.tagName("summary");

        private final WebElement item;

        private Review(WebElement item) {
            this.item = item;
        }

        String author() {
            return browser.shown(item.findElement(AUTHOR));
        }

        /** The id of the review (its list item is {@code review-ID}). */
        public String id() {
            String listItem = browser.script("return arguments[0].closest('li').id", item);
            return listItem.substring("review-".length());
        }

        public String shown() {
            return browser.shown(item);
        }

        /** What the spoiler in the excerpt shows: its summary while closed, the sentence once open. */
        public String excerptSpoilerShown() {
            return browser.shown(item.findElement(EXCERPT_SPOILER));
        }

        public void openExcerptSpoiler() {
            item.findElement(EXCERPT_SPOILER).findElement(SUMMARY).click();
        }

        /** "View More": the whole review below the excerpt. */
        public void viewMore() {
            item.findElement(VIEW_MORE).click();
        }

        public int spoilersInFullText() {
            return item.findElements(FULL_TEXT_SPOILERS).size();
        }

        /** Brings the first spoiler of the whole review to the middle of the window, for a screenshot. */
        public void scrollToFirstSpoilerInFullText() {
            browser.script("arguments[0].scrollIntoView({block: 'center'})", item.findElements(FULL_TEXT_SPOILERS).get(0));
        }

        public void openSpoilersInFullText() {
            for (WebElement spoiler : item.findElements(FULL_TEXT_SPOILERS)) {
                spoiler.findElement(SUMMARY).click();
            }
        }
    }
}
