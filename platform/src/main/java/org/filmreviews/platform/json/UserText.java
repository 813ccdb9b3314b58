package org.filmreviews.platform.json;

import java.text.Normalizer;

/**
 * Text people typed, made safe to store and compare: Unicode NFC, line breaks unified, control
 * characters (other than line breaks and tabs) removed, outer white space trimmed. HTML stays as the
 * person wrote it; escaping is the renderer's job.
 */
public final class UserText {

    private UserText() {
    }

    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        String normalised = Normalizer.normalize(text, Normalizer.Form.NFC).replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder kept = new StringBuilder(normalised.length());
        normalised.codePoints()
                .filter(cp -> cp == '\n' || cp == '\t' || !(Character.isISOControl(cp) || isInvisibleFormat(cp)))
                .forEach(kept::appendCodePoint);
        return kept.toString().strip();
    }

    /** Bidi overrides and similar format characters that can disguise text; joiners are kept for emoji. */
    private static boolean isInvisibleFormat(int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF;
    }

    /** Clean text, or null when nothing is left. */
    public static String cleanOrNull(String text) {
        String cleaned = clean(text);
        return cleaned == null || cleaned.isEmpty() ? null : cleaned;
    }
}
