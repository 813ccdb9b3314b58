package org.filmreviews.moderation.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a review says about its own spoilers: the first warning of spoilers to come ("spoilers ahead"), the first
 * warning after them ("enough spoilers"), and the first denial ("no big spoilers"), each with the sentence it is in
 * (-1: none). A warning inside a denial ("no spoilers ahead") is not one.
 *
 * @param aheadEndInSentence where the warning ahead ends in its sentence's normalised text: what follows is hidden
 * @param markerText the first warning's words, ahead or behind; {@code null} without one
 * @param denialText the first denial's words; {@code null} without one
 */
record SpoilerWarnings(int aheadAt, int behindAt, int deniedAt, String markerText, String denialText, int aheadEndInSentence) {

    private static final Pattern MARKER_AHEAD = Pattern.compile(
            "spoilers? (?:alert|ahead|warning|below|follow)|spoilers? (?:for|about|on) (?:the )?(?:\\S+ ){0,3}?(?:below|ahead|follow)|(?:may|might|will|could|does|do|can|would) (?:be|contain|have|include) "
                    + "(?:a |some |minor |major |mild |small |slight |big |a few |few )?spoilers?|contains? (?:some |minor |major |mild |a few )?spoilers?"
                    + "|[(\\[*]\\s*spoilers?\\s*[)\\]*]|^\\s*spoilers?\\s*[:!-]");
    private static final Pattern MARKER_BEHIND = Pattern.compile(
            "enough (?:of )?(?:the )?spoilers?|(?:sorry|apologies) for (?:the |any |all the )?spoilers?|end of spoilers?|spoilers? end");
    private static final Pattern DENIAL = Pattern.compile(
            "(?:no|without|free of|zero|not any|not many|few|minimal) (?:big |major |real |serious |huge |significant |important |plot |actual )?spoilers?"
                    + "|spoiler[- ]?free|(?:won't|will not|don't want to|do not want to|wouldn't|not going to|i won't) (?:spoil|give away|reveal"
                    + "|say (?:more|any more|anything more|anything else|what)|tell (?:you )?(?:more|what|how))|(?:i'll )?say no more"
                    + "|without (?:spoiling|giving (?:anything|too much|much) away|revealing)");

    static SpoilerWarnings of(List<TextAnalyser.Analysed> sentences) {
        int aheadAt = -1;
        int behindAt = -1;
        int deniedAt = -1;
        String markerText = null;
        String denialText = null;
        int aheadEndInSentence = -1;
        for (int i = 0; i < sentences.size(); i++) {
            String text = sentences.get(i).normalised();
            if (!text.contains("spoil") && !text.contains("reveal") && !text.contains("away") && !text.contains("say")
                    && !text.contains("tell")) {
                continue;
            }
            List<int[]> denials = matches(DENIAL, text);
            if (!denials.isEmpty() && deniedAt < 0) {
                deniedAt = i;
                denialText = text.substring(denials.get(0)[0], denials.get(0)[1]);
            }
            Matcher ahead = MARKER_AHEAD.matcher(text);
            while (ahead.find()) {
                if (!overlaps(ahead.start(), ahead.end(), denials) && aheadAt < 0) {
                    aheadAt = i;
                    markerText = text.substring(ahead.start(), ahead.end());
                    aheadEndInSentence = ahead.end();
                }
            }
            Matcher behind = MARKER_BEHIND.matcher(text);
            if (behind.find() && !overlaps(behind.start(), behind.end(), denials) && behindAt < 0) {
                behindAt = i;
                if (markerText == null) {
                    markerText = text.substring(behind.start(), behind.end());
                }
            }
        }
        return new SpoilerWarnings(aheadAt, behindAt, deniedAt, markerText, denialText, aheadEndInSentence);
    }

    private static List<int[]> matches(Pattern pattern, String text) {
        List<int[]> found = new ArrayList<>(1);
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(new int[]{matcher.start(), matcher.end()});
        }
        return found;
    }

    private static boolean overlaps(int start, int end, List<int[]> ranges) {
        for (int[] range : ranges) {
            if (start < range[1] && range[0] < end) {
                return true;
            }
        }
        return false;
    }
}
