package org.filmreviews.systemtests.hostile;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Ways to spoil a valid request: values hostile clients send (wrong types, huge numbers, control and
 * bidi characters, injection strings, traversal, forged cursors) and damage to the bytes themselves
 * (truncation, flipped bytes, invalid UTF-8, deep nesting, duplicate and unknown fields).
 */
final class Mutations {

    static final List<String> HOSTILE_TEXTS = List.of(
            "", " ", "\u0000", "\u202Eevil\u202C", "\u200B\u200B", "' OR 1=1 --", "'; DROP TABLE review; --",
            "${jndi:ldap://127.0.0.1/x}", "{{7*7}}", "<script>alert(1)</script>", "javascript:alert(1)",
            "../../../../etc/passwd", "%00", "%2e%2e%2f", "\uD800", "\uFFFF", "NaN", "-1", "0", "1e309",
            "99999999999999999999999", "true", "null", "[]", "{}", "x".repeat(70_000), "é".repeat(300),
            "\r\nX-Injected: 1", "😀".repeat(50), "\\u0000", UUID.randomUUID().toString());

    static final List<String> HOSTILE_JSON_VALUES = List.of(
            "null", "true", "false", "0", "-1", "2147483648", "-9223372036854775809", "1e400", "1.5", "\"\"",
            "\"7\"", "[]", "[1,2,3]", "{}", "{\"a\":{\"b\":{}}}", "\"" + "y".repeat(20_000) + "\"", "\"\\u0000\"",
            "\"\\ud800\"", "\"\\u202e\"", "\"<img src=x onerror=alert(1)>\"", "NaN", "Infinity", "01", "--1");

    private Mutations() {
    }

    static String anyText(Random random) {
        return HOSTILE_TEXTS.get(random.nextInt(HOSTILE_TEXTS.size()));
    }

    /** A value for a path segment where an id belongs. */
    static String anyId(Random random, String valid) {
        return switch (random.nextInt(8)) {
            case 0 -> valid;
            case 1 -> UUID.randomUUID().toString();
            case 2 -> valid.toUpperCase();
            case 3 -> valid.substring(0, valid.length() - 1);
            case 4 -> "..%2F..%2Fetc%2Fpasswd";
            case 5 -> "%FF%FE%00";
            case 6 -> "00000000-0000-0000-0000-000000000000";
            default -> encode(anyText(random));
        };
    }

    /** A query parameter value. */
    static String anyQueryValue(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> Integer.toString(random.nextInt(300) - 100);
            case 1 -> forgedCursor(random);
            case 2 -> "%FF%FE";
            default -> encode(anyText(random));
        };
    }

    static String forgedCursor(Random random) {
        String raw = switch (random.nextInt(5)) {
            case 0 -> random.nextLong() + ":" + random.nextLong() + ":" + UUID.randomUUID();
            case 1 -> "newest::" + random.nextLong() + ":0:" + UUID.randomUUID();
            case 2 -> "highest:" + random.nextInt() + ":" + (random.nextInt(2_000_000_000)) + ":5:" + UUID.randomUUID();
            case 3 -> UUID.randomUUID() + ":" + anyText(random);
            default -> anyText(random);
        };
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The valid JSON body spoiled in one of a dozen ways. */
    static byte[] spoil(Random random, String validJson) {
        String json = validJson;
        switch (random.nextInt(12)) {
            case 0 -> json = json.substring(0, random.nextInt(json.length())); // truncated
            case 1 -> json = replaceAValue(random, json, HOSTILE_JSON_VALUES.get(random.nextInt(HOSTILE_JSON_VALUES.size())));
            case 2 -> json = replaceAValue(random, json, quote(anyText(random)));
            case 3 -> json = json.replaceFirst("\\{", "{\"unexpected\": 1, "); // unknown field
            case 4 -> json = json.replaceFirst("\\{", "{" + firstPair(json) + ", "); // duplicate field
            case 5 -> json = "[".repeat(2_000 + random.nextInt(3_000)) + json; // deep nesting
            case 6 -> json = json + json; // trailing tokens
            case 7 -> {
                byte[] bytes = json.getBytes(StandardCharsets.UTF_8); // a flipped byte
                bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
                return bytes;
            }
            case 8 -> {
                byte[] bytes = json.getBytes(StandardCharsets.UTF_8); // invalid UTF-8
                int at = Math.max(1, json.indexOf(':') + 3);
                if (at < bytes.length) {
                    bytes[at] = (byte) 0xC3;
                }
                return bytes;
            }
            case 9 -> json = json.replace("\"", "'");
            case 10 -> json = "";
            default -> json = replaceAValue(random, json, "{\"nested\": " + "{\"a\": ".repeat(50) + "1" + "}".repeat(50) + "}");
        }
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static String replaceAValue(Random random, String json, String value) {
        int colons = (int) json.chars().filter(c -> c == ':').count();
        if (colons == 0) {
            return value;
        }
        int target = random.nextInt(colons);
        int at = -1;
        for (int i = 0; i <= target; i++) {
            at = json.indexOf(':', at + 1);
        }
        int end = at + 1;
        int depth = 0;
        boolean inString = false;
        for (; end < json.length(); end++) {
            char c = json.charAt(end);
            if (c == '"' && json.charAt(end - 1) != '\\') {
                inString = !inString;
            } else if (!inString && (c == '{' || c == '[')) {
                depth++;
            } else if (!inString && (c == '}' || c == ']')) {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (!inString && c == ',' && depth == 0) {
                break;
            }
        }
        return json.substring(0, at + 1) + " " + value + json.substring(end);
    }

    private static String firstPair(String json) {
        int colon = json.indexOf(':');
        int comma = json.indexOf(',', colon);
        int close = json.lastIndexOf('}');
        return colon < 0 ? "\"a\": 1" : json.substring(json.indexOf('{') + 1, comma > 0 ? comma : close);
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }

    static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
