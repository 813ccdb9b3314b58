package org.filmreviews.moderation.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.email.UAX29URLEmailTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Finds web addresses in normalised text, written out ("https://...", "www.", "kinoxstream.de") or disguised
 * ("luckyspin777 dot net", "bit-bonus[.]io", "pelisgratis-hd punto com", "kino-free точка ру").
 *
 * <p>Which endings are real top-level domains is Lucene's {@link UAX29URLEmailTokenizer} to know: it carries the
 * IANA list, so "kinoxstream.de" and "seo-rocket.pro" are addresses and "mr.smith" is not. People typing on phones
 * also glue sentences together ("the ending.It was..."), and many domains are ordinary words (".it", ".in", ".me",
 * ".watch", ".movie", ".love"). So an address with neither a scheme, "www." nor a path only counts when it ends in a
 * country code that is not an everyday word, or in one of the generic endings that are not everyday words either.
 */
final class WebAddresses {

    private static final Pattern WRITTEN_OUT = Pattern.compile("\\bhttps?://\\S+|\\bwww\\.\\S+");

    /** "Dot" in the languages spammers on a film site use most. */
    private static final List<String> SPELLED_DOTS = List.of("dot", "punto", "point", "punkt", "ponto", "kropka", "nokta", "titik", "точка");

    /** A dot spelled out, bracketed or spaced, then a common ending; a disguised address has one of these in it. */
    private static final List<String> DOT_MARKS = Stream.concat(Stream.of(".]", ".)", ".}", ". ]", ". )", " . "), SPELLED_DOTS.stream()).toList();

    private static final Pattern DISGUISED = Pattern.compile(
            "(?<![\\p{L}\\p{N}])[\\p{L}\\p{N}][\\p{L}\\p{N}-]+"
                    + "(?: ?(?:[(\\[{] ?\\. ?[)\\]}]|[(\\[{]?(?:" + String.join("|", SPELLED_DOTS) + ")[)\\]}]?| \\.)"
                    + " ?(?:com|net|org|info|biz|xyz|io|tv|ru|fr|br|pl|uk|shop|store|online|site|club|ру|ком|рф)"
                    // German "punkt de": only after "punkt", as Spanish "punto de vista" is ordinary text.
                    + "| punkt (?:de|at|ch))(?![\\p{L}\\p{N}])");

    /** Generic endings that are not everyday words, so "name.online" reads as an address. */
    private static final Set<String> GENERIC = Set.of("com", "net", "org", "info", "biz", "xyz", "top", "pro", "online", "site",
            "club", "store", "shop", "app", "icu", "vip", "bet", "casino", "poker", "loan", "stream", "download", "website", "tech");

    /** Two-letter country codes that are also English words, so "ending.it" or "story.in" are glued sentences. */
    private static final Set<String> WORDLIKE_COUNTRY_CODES = Set.of("it", "in", "to", "me", "is", "so", "at", "be", "do", "no",
            "us", "my", "am", "as", "by", "an", "go", "ok", "hi", "ai", "id", "la", "im", "st", "cv", "ad", "ag", "pm");

    private final Analyzer urls = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            return new TokenStreamComponents(new UAX29URLEmailTokenizer());
        }
    };

    /** The first address in the text, as written. */
    Optional<String> first(String normalised) {
        if (mayHoldAddress(normalised)) {
            Matcher written = WRITTEN_OUT.matcher(normalised);
            if (written.find()) {
                return Optional.of(written.group());
            }
            Optional<String> bare = bareDomain(normalised);
            if (bare.isPresent()) {
                return bare;
            }
        }
        return disguised(normalised);
    }

    /** Cheap pre-check, as most reviews hold no address: a dot right before a letter, "http" or "www". */
    private static boolean mayHoldAddress(String text) {
        for (int i = text.indexOf('.'); i >= 0 && i + 1 < text.length(); i = text.indexOf('.', i + 1)) {
            if (Character.isLetter(text.charAt(i + 1))) {
                return true;
            }
        }
        return text.contains("http") || text.contains("www");
    }

    /**
     * "Dot" and "point" are inside many ordinary words ("anecdote", "disappointing"), so the pattern is only tried in a
     * short window around each occurrence instead of across the whole text.
     */
    private static Optional<String> disguised(String text) {
        Matcher matcher = null;
        for (String dot : DOT_MARKS) {
            for (int at = text.indexOf(dot); at >= 0; at = text.indexOf(dot, at + 1)) {
                if (matcher == null) {
                    matcher = DISGUISED.matcher(text).useTransparentBounds(true);
                }
                matcher.region(Math.max(0, at - 64), Math.min(text.length(), at + dot.length() + 8));
                if (matcher.find()) {
                    return Optional.of(matcher.group());
                }
            }
        }
        return Optional.empty();
    }

    private Optional<String> bareDomain(String text) {
        try (TokenStream stream = urls.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            TypeAttribute type = stream.addAttribute(TypeAttribute.class);
            stream.reset();
            String found = null;
            while (found == null && stream.incrementToken()) {
                if (UAX29URLEmailTokenizer.TOKEN_TYPES[UAX29URLEmailTokenizer.URL].equals(type.type())) {
                    String address = term.toString();
                    if (looksIntended(address)) {
                        found = address;
                    }
                }
            }
            stream.end();
            return Optional.ofNullable(found);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading from a string cannot fail", e);
        }
    }

    private static boolean looksIntended(String address) {
        int slash = address.indexOf('/');
        if (slash >= 0 && slash + 1 < address.length()) {
            return true; // a path: "youtube.com/@channel"
        }
        String host = slash >= 0 ? address.substring(0, slash) : address;
        String ending = host.substring(host.lastIndexOf('.') + 1);
        if (ending.length() == 2) {
            return !WORDLIKE_COUNTRY_CODES.contains(ending);
        }
        return GENERIC.contains(ending);
    }
}
