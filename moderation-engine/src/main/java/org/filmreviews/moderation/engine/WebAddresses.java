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
    private static final List<String> SPELLED_DOTS = List.of("dot", "punto", "point", "punkt", "ponto", "kropka", "nokta",
            "titik", "точка");

    /** A dot spelled out, bracketed or spaced, then a common ending; a disguised address has one of these in it. */
    private static final List<String> DOT_MARKS = Stream
            .concat(Stream.of(".]", ".)", ".}", ". ]", ". )", " . "), SPELLED_DOTS.stream()).toList();

    /**
     * A name, a disguised dot and an ending. The ending is checked against the real top-level domains afterwards
     * ({@link #isTopLevelDomain}), so it may be any short word here.
     */
    private static final Pattern DISGUISED = Pattern.compile(
            "(?<![\\p{L}\\p{N}])[\\p{L}\\p{N}][\\p{L}\\p{N}-]+"
                    + " ?([(\\[{] ?\\. ?[)\\]}]|[(\\[{]?(?:" + String.join("|", SPELLED_DOTS) + ")[)\\]}]?| \\.)"
                    + " ?(\\p{L}{2,6})(?![\\p{L}\\p{N}])");

    /** Endings in Cyrillic, which the IANA list (ASCII) does not hold: ".ру" and ".ком" are how ".ru" and ".com" get past filters. */
    private static final Set<String> CYRILLIC_ENDINGS = Set.of("ру", "ком", "рф", "рус", "нет", "орг");

    /**
     * A dot in brackets ("[.]", "(dot)", "[точка]") is how addresses are disguised; honest reviews do not write it,
     * even where the address around it is too mangled to read.
     */
    private static final Pattern BRACKETED_DOT = Pattern.compile(
            "[(\\[{] ?(?:\\.|" + String.join("|", SPELLED_DOTS) + ") ?[)\\]}]");

    /** Generic endings that are not everyday words, so "name.online" reads as an address. */
    private static final Set<String> GENERIC = Set.of("com", "net", "org", "info", "biz", "xyz", "top", "pro", "online", "site",
            "club", "store", "shop", "app", "icu", "vip", "bet", "casino", "poker", "loan", "stream", "download", "website",
            "tech");

    /** Two-letter country codes that are also English words, so "ending.it" or "story.in" are glued sentences. */
    private static final Set<String> WORDLIKE_COUNTRY_CODES = Set.of("it", "in", "to", "me", "is", "so", "at", "be", "do", "no",
            "us", "my", "am", "as", "by", "an", "go", "ok", "hi", "ai", "id", "la", "im", "st", "cv", "ad", "ag", "pm");

    private final Analyzer urls = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            return new TokenStreamComponents(new UAX29URLEmailTokenizer());
        }
    };

    /** A bracketed dot, the mark of an address someone disguised, when {@link #first} finds no address around it. */
    Optional<String> bracketedDot(String normalised) {
        if (normalised.indexOf('[') < 0 && normalised.indexOf('(') < 0 && normalised.indexOf('{') < 0) {
            return Optional.empty();
        }
        Matcher dot = BRACKETED_DOT.matcher(normalised);
        return dot.find() ? Optional.of(dot.group()) : Optional.empty();
    }

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
                matcher.region(Math.max(0, at - 64), Math.min(text.length(), at + dot.length() + 10));
                while (matcher.find()) {
                    if (endsLikeAnAddress(matcher.group(1), matcher.group(2))) {
                        return Optional.of(matcher.group());
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the ending after a disguised dot makes an address: a real top-level domain. A bracketed dot, "dot" and
     * "точка" say so plainly. The other spelled dots are ordinary words too ("the point to make", "punto de vista"),
     * and a dot with spaces around it ends sentences ("the end . me and my sister"), so after them the ending must not
     * be an everyday word, and a longer ending must be one of the generic ones that are not words either; German
     * "punkt de" is the exception people write.
     */
    private static boolean endsLikeAnAddress(String dotMark, String ending) {
        if (CYRILLIC_ENDINGS.contains(ending)) {
            return true;
        }
        boolean bracketed = dotMark.chars().anyMatch(c -> c == '(' || c == '[' || c == '{');
        String spelledDot = dotMark.replaceAll("[()\\[\\]{}]", "").strip();
        if (!bracketed && !spelledDot.equals("dot") && !spelledDot.equals("точка")) {
            if (spelledDot.equals("punkt") && ending.equals("de")) {
                return true;
            }
            boolean wordlike = ending.length() == 2 ? WORDLIKE_COUNTRY_CODES.contains(ending) || ending.equals("de")
                    : !GENERIC.contains(ending);
            if (wordlike) {
                return false;
            }
        }
        return isTopLevelDomain(ending);
    }

    private static final java.util.Map<String, Boolean> TOP_LEVEL_DOMAINS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Whether Lucene's copy of the IANA list holds the ending: "example.<ending>" then reads as an address. */
    private static boolean isTopLevelDomain(String ending) {
        return TOP_LEVEL_DOMAINS.computeIfAbsent(ending, e -> {
            if (!e.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
                return false;
            }
            try (UAX29URLEmailTokenizer tokenizer = new UAX29URLEmailTokenizer()) {
                tokenizer.setReader(new java.io.StringReader("example." + e));
                TypeAttribute type = tokenizer.addAttribute(TypeAttribute.class);
                tokenizer.reset();
                boolean url = tokenizer.incrementToken()
                        && UAX29URLEmailTokenizer.TOKEN_TYPES[UAX29URLEmailTokenizer.URL].equals(type.type());
                tokenizer.end();
                return url;
            } catch (IOException ex) {
                throw new UncheckedIOException("Reading from a string cannot fail", ex);
            }
        });
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
