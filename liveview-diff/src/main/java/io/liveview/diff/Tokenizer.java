package io.liveview.diff;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Reads HTML as tokens, for the markup that every HTML tokenizer reads the same way whatever
 * surrounds it: complete start tags (lowercase-able names, quoted or plain attribute values, no
 * repeated attribute), end tags without attributes, {@code <!--comments-->} and text. Anything
 * else, where a tokenizer recovers from an error or depends on state this class does not keep
 * (a bare {@code <}, most character references, carriage returns, NUL...), is {@link #UNSAFE}.
 *
 * <p>Text and attribute values are compared in decoded form ({@link #textEquals}); the only
 * character references read are {@code &amp; &lt; &gt; &quot; &#39; &apos; &nbsp;} (what
 * templates write), and a {@code &} that cannot start a reference.
 */
final class Tokenizer {

    static final int UNSAFE = 0;
    static final int START = 1;
    static final int END = 2;
    static final int TEXT = 3;
    static final int COMMENT = 4;
    static final int EOF = 5;

    private static final String[] REFERENCES = {"&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&nbsp;"};
    private static final char[] DECODED = {'&', '<', '>', '"', '\'', '\u00A0'};
    private static final int MAX_ATTRIBUTES = 64;

    /**
     * The names of {@link Nesting} and {@link PackedTree#NAMES}, by the hash of their lowercase
     * letters (open addressing): most tags are read without building a string.
     */
    private static final String[] KNOWN = new String[1024];

    static {
        Set<String> names = new HashSet<>(Nesting.names());
        names.addAll(Arrays.asList(PackedTree.NAMES));
        for (String name : names) {
            String lowercase = name.toLowerCase(Locale.ROOT);
            int slot = lowercase.hashCode() & (KNOWN.length - 1);
            while (KNOWN[slot] != null && !KNOWN[slot].equals(lowercase)) {
                slot = (slot + 1) & (KNOWN.length - 1);
            }
            KNOWN[slot] = lowercase;
        }
    }

    private final String html;
    private final int limit;
    /** The code point of the character reference {@link #reference} read last. */
    private int decoded;
    private int position;

    /** The current token's kind and extent in the source. */
    int kind;
    int start;
    int end;
    /** A tag's lowercase name. */
    String name;
    boolean selfClosing;
    /** Text's or a comment's data, or attribute {@code i}'s name and value, as source ranges. */
    int dataStart;
    int dataEnd;
    int attributeCount;
    final int[] attributes = new int[4 * MAX_ATTRIBUTES];

    /** Reads {@code html} from {@code from} to {@code to}. */
    Tokenizer(String html, int from, int to) {
        this.html = html;
        this.position = from;
        this.limit = to;
    }

    /** Reads the next token; returns its kind. */
    int next() {
        start = position;
        if (position >= limit) {
            return kind = EOF;
        }
        if (html.charAt(position) != '<') {
            return kind = text();
        }
        char c = position + 1 < limit ? html.charAt(position + 1) : 0;
        if (isAsciiLetter(c)) {
            return kind = startTag();
        }
        if (c == '/') {
            return kind = endTag();
        }
        return kind = html.startsWith("<!--", position) ? comment() : UNSAFE;
    }

    private int text() {
        int at = position;
        while (at < limit) {
            char c = html.charAt(at);
            if (c == '<') {
                break;
            }
            if (c <= '&' && (c == '\r' || c == '\0' || c == '\f' || c == '&' && reference(at, limit) < 0)) {
                return UNSAFE;
            }
            at++;
        }
        dataStart = position;
        dataEnd = at;
        end = position = at;
        return TEXT;
    }

    private int comment() {
        int from = position + 4;
        int close = html.indexOf("-->", from);
        if (close < 0 || close + 3 > limit) {
            return UNSAFE;
        }
        // Data that a tokenizer ends early or reads with a "--" of its own is left to the parser.
        String data = html.substring(from, close);
        if (data.startsWith(">") || data.startsWith("->") || data.contains("--") || data.endsWith("-")
                || data.contains("<!-") || data.indexOf('\r') >= 0 || data.indexOf('\0') >= 0) {
            return UNSAFE;
        }
        dataStart = from;
        dataEnd = close;
        end = position = close + 3;
        return COMMENT;
    }

    private int endTag() {
        int at = position + 2;
        int nameEnd = nameEnd(at);
        if (nameEnd == at || !isAsciiLetter(html.charAt(at))) {
            return UNSAFE;
        }
        name = lowercase(at, nameEnd);
        at = skipSpace(nameEnd);
        if (at >= limit || html.charAt(at) != '>') {
            return UNSAFE;
        }
        end = position = at + 1;
        return END;
    }

    private int startTag() {
        int at = position + 1;
        int nameEnd = nameEnd(at);
        name = lowercase(at, nameEnd);
        selfClosing = false;
        attributeCount = 0;
        at = nameEnd;
        while (true) {
            boolean spaced = at < limit && isSpace(html.charAt(at));
            at = skipSpace(at);
            if (at >= limit) {
                return UNSAFE;
            }
            char c = html.charAt(at);
            if (c == '>') {
                end = position = at + 1;
                return START;
            }
            if (c == '/') {
                if (at + 1 < limit && html.charAt(at + 1) == '>') {
                    selfClosing = true;
                    end = position = at + 2;
                    return START;
                }
                return UNSAFE;
            }
            if (!spaced || attributeCount == MAX_ATTRIBUTES) {
                return UNSAFE;
            }
            at = attribute(at);
            if (at < 0) {
                return UNSAFE;
            }
        }
    }

    /** Reads one attribute at {@code at}; returns where it ends, or -1. */
    private int attribute(int at) {
        int nameStart = at;
        while (at < limit && isNameChar(html.charAt(at))) {
            at++;
        }
        int nameEnd = at;
        if (nameEnd == nameStart) {
            return -1;
        }
        for (int i = 0; i < attributeCount; i++) {
            if (html.regionMatches(true, attributes[4 * i], html, nameStart, nameEnd - nameStart)
                    && attributes[4 * i + 1] - attributes[4 * i] == nameEnd - nameStart) {
                return -1; // the tokenizer drops a repeated attribute
            }
        }
        int valueStart = at;
        int valueEnd = at;
        int afterName = skipSpace(at);
        if (afterName < limit && html.charAt(afterName) == '=') {
            at = skipSpace(afterName + 1);
            if (at >= limit) {
                return -1;
            }
            char quote = html.charAt(at);
            if (quote == '"' || quote == '\'') {
                int close = html.indexOf(quote, at + 1);
                if (close < 0 || close >= limit) {
                    return -1;
                }
                valueStart = at + 1;
                valueEnd = close;
                at = close + 1;
            } else {
                valueStart = at;
                while (at < limit && isUnquotedChar(html.charAt(at))) {
                    at++;
                }
                valueEnd = at;
                if (valueEnd == valueStart || at < limit && !isSpace(html.charAt(at)) && html.charAt(at) != '>') {
                    return -1;
                }
            }
            for (int i = valueStart; i < valueEnd; i++) {
                char c = html.charAt(i);
                if (c == '\r' || c == '\0' || c == '&' && reference(i, valueEnd) < 0) {
                    return -1;
                }
            }
        }
        int a = 4 * attributeCount++;
        attributes[a] = nameStart;
        attributes[a + 1] = nameEnd;
        attributes[a + 2] = valueStart;
        attributes[a + 3] = valueEnd;
        return at;
    }

    /** Whether the decoded source range equals {@code length} UTF-8 bytes of {@code bytes}. */
    boolean textEquals(int from, int to, byte[] bytes, int offset, int length) {
        return equals(from, to, bytes, offset, length, true);
    }

    /** Whether the source range, not decoded, equals {@code length} UTF-8 bytes of {@code bytes}. */
    boolean rawEquals(int from, int to, byte[] bytes, int offset, int length) {
        return equals(from, to, bytes, offset, length, false);
    }

    private boolean equals(int from, int to, byte[] bytes, int offset, int length, boolean decode) {
        int b = offset;
        int bytesEnd = offset + length;
        for (int i = from; i < to; i++) {
            char c = html.charAt(i);
            if (c >= 0x80 || decode && c == '&') {
                // Rare: compare the rest as strings.
                String rest = decode ? decode(i, to) : html.substring(i, to);
                return new String(bytes, b, bytesEnd - b, StandardCharsets.UTF_8).equals(rest);
            }
            if (b >= bytesEnd || bytes[b++] != c) {
                return false;
            }
        }
        return b == bytesEnd;
    }

    /** The decoded source range. */
    private String decode(int from, int to) {
        StringBuilder out = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = html.charAt(i);
            int length = c == '&' ? reference(i, to) : 0;
            if (length > 0) {
                out.appendCodePoint(decoded);
                i += length - 1;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Whether the source range is a line feed and {@code spaces} spaces. */
    boolean isIndent(int from, int to, int spaces) {
        if (to - from != spaces + 1 || html.charAt(from) != '\n') {
            return false;
        }
        for (int i = from + 1; i < to; i++) {
            if (html.charAt(i) != ' ') {
                return false;
            }
        }
        return true;
    }

    /** Whether the source range is spaces, tabs and line feeds only. */
    boolean isWhitespace(int from, int to) {
        for (int i = from; i < to; i++) {
            char c = html.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n') {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads the character reference at {@code at} (a {@code &}) into {@link #decoded}: returns
     * its length, 0 for a {@code &} that is only a character, -1 for anything this class does
     * not read.
     */
    private int reference(int at, int to) {
        char next = at + 1 < to ? html.charAt(at + 1) : ' ';
        if (next == '#') {
            return numericReference(at, to);
        }
        if (!isAsciiLetter(next) && !(next >= '0' && next <= '9')) {
            return 0;
        }
        for (int r = 0; r < REFERENCES.length; r++) {
            if (html.startsWith(REFERENCES[r], at) && at + REFERENCES[r].length() <= to) {
                decoded = DECODED[r];
                return REFERENCES[r].length();
            }
        }
        return -1;
    }

    /**
     * A {@code &#...;} reference to a character that the tokenizer takes as it is: not one it
     * replaces (NUL, C1 controls, surrogates, beyond Unicode) nor a carriage return.
     */
    private int numericReference(int at, int to) {
        int i = at + 2;
        boolean hex = i < to && (html.charAt(i) == 'x' || html.charAt(i) == 'X');
        int first = hex ? ++i : i;
        int value = 0;
        while (i < to && i - first < 7 && Character.digit(html.charAt(i), hex ? 16 : 10) >= 0) {
            value = value * (hex ? 16 : 10) + Character.digit(html.charAt(i), hex ? 16 : 10);
            i++;
        }
        if (i == first || i >= to || html.charAt(i) != ';') {
            return -1;
        }
        boolean plain = value == '\t' || value == '\n' || value >= 0x20 && value < 0x7F
                || value >= 0xA0 && value < 0xD800 || value >= 0xE000 && value < 0xFDD0
                || value >= 0xFDF0 && value <= 0x10FFFF && (value & 0xFFFE) != 0xFFFE;
        decoded = value;
        return plain ? i + 1 - at : -1;
    }

    private int nameEnd(int at) {
        while (at < limit && isNameChar(html.charAt(at))) {
            at++;
        }
        return at;
    }

    private int skipSpace(int at) {
        while (at < limit && isSpace(html.charAt(at))) {
            at++;
        }
        return at;
    }

    /** The lowercase name in a source range: a constant if it is a known one. */
    private String lowercase(int from, int to) {
        int hash = 0;
        for (int i = from; i < to; i++) {
            char c = html.charAt(i);
            hash = 31 * hash + (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
        }
        for (int slot = hash & (KNOWN.length - 1); KNOWN[slot] != null; slot = (slot + 1) & (KNOWN.length - 1)) {
            String known = KNOWN[slot];
            if (known.length() == to - from && (html.regionMatches(from, known, 0, to - from)
                    || html.regionMatches(true, from, known, 0, to - from))) {
                return known;
            }
        }
        return html.substring(from, to).toLowerCase(Locale.ROOT);
    }

    /** Whether attribute {@code i}'s name, lowercase, is {@code name} (a lowercase name). */
    boolean attributeNameIs(int i, String name) {
        int from = attributes[4 * i];
        int length = attributes[4 * i + 1] - from;
        return name.length() == length
                && (html.regionMatches(from, name, 0, length) || html.regionMatches(true, from, name, 0, length));
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\t';
    }

    /** Tag and attribute name characters: ASCII letters, digits, '-', '_', ':' and '.'. */
    private static boolean isNameChar(char c) {
        return isAsciiLetter(c) || c >= '0' && c <= '9' || c == '-' || c == '_' || c == ':' || c == '.';
    }

    private static boolean isUnquotedChar(char c) {
        return c > ' ' && c != '>' && c != '"' && c != '\'' && c != '<' && c != '=' && c != '`' && c < 0x7F;
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
}
