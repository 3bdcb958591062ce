package io.switchio.launcher.conf;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A conf file in the Java properties format, read with the line of every key so errors can name
 * it. Understood as {@link java.util.Properties#load(java.io.Reader)} reads it: {@code #} and
 * {@code !} comments, {@code key = value}, {@code key: value} or {@code key value}, a trailing
 * backslash continues a line, and the escapes {@code \t \n \r \f \\} and {@code \}{@code uXXXX}; values are trimmed. Unlike
 * {@code Properties}, a key given twice is an error naming both lines. Files are UTF-8.
 *
 * <p>Threading: immutable after {@link #parse}; any thread.
 */
public final class ConfFile {

    /** One key with its value and the line it starts on (1-based). */
    public record Entry(String key, String value, int line) {
    }

    private final Path path;
    private final Map<String, Entry> entries;

    private ConfFile(Path path, Map<String, Entry> entries) {
        this.path = path;
        this.entries = Collections.unmodifiableMap(entries);
    }

    /**
     * Reads and parses a conf file.
     *
     * @throws ConfException naming the file when it cannot be read, or the line of a syntax error
     */
    public static ConfFile parse(Path path) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new ConfException(path + ": is not UTF-8 text");
        } catch (IOException e) {
            throw new ConfException(path + ": cannot read the conf file (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
        return parse(path, lines);
    }

    /** Parses lines as if read from {@code path} (which only names the file in errors). */
    public static ConfFile parse(Path path, List<String> lines) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        int i = 0;
        while (i < lines.size()) {
            int first = i + 1;
            String line = stripLeading(lines.get(i++));
            if (line.isEmpty() || line.charAt(0) == '#' || line.charAt(0) == '!') {
                continue;
            }
            StringBuilder logical = new StringBuilder(line);
            while (endsWithContinuation(logical) && i < lines.size()) {
                logical.setLength(logical.length() - 1);
                logical.append(stripLeading(lines.get(i++)));
            }
            if (endsWithContinuation(logical)) {
                logical.setLength(logical.length() - 1);
            }
            Entry entry = split(path, first, logical.toString());
            Entry previous = entries.putIfAbsent(entry.key(), entry);
            if (previous != null) {
                throw new ConfException(path, first, entry.key(), "is given twice (first on line " + previous.line() + "); keep one");
            }
        }
        return new ConfFile(path, entries);
    }

    /** The file this was read from. */
    public Path path() {
        return path;
    }

    /** The entry of a key, if present. */
    public Optional<Entry> entry(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    /** Every entry, in file order. */
    public Collection<Entry> entries() {
        return entries.values();
    }

    /** An error at an entry: {@code <file>:<line>: key '<key>': <message>}. */
    public ConfException error(Entry entry, String message) {
        return new ConfException(path, entry.line(), entry.key(), message);
    }

    private static Entry split(Path path, int line, String text) {
        int end = 0;
        while (end < text.length()) {
            char c = text.charAt(end);
            if (c == '\\') {
                end += 2;
                continue;
            }
            if (c == '=' || c == ':' || Character.isWhitespace(c)) {
                break;
            }
            end++;
        }
        end = Math.min(end, text.length());
        int valueStart = end;
        while (valueStart < text.length() && isBlank(text.charAt(valueStart))) {
            valueStart++;
        }
        if (valueStart < text.length() && (text.charAt(valueStart) == '=' || text.charAt(valueStart) == ':')) {
            valueStart++;
            while (valueStart < text.length() && isBlank(text.charAt(valueStart))) {
                valueStart++;
            }
        }
        String key = unescape(path, line, text.substring(0, end));
        if (key.isEmpty()) {
            throw new ConfException(path, line, null, "a line starts with '" + text.charAt(0) + "' but has no key; expected key = value");
        }
        return new Entry(key, unescape(path, line, text.substring(valueStart)).strip(), line);
    }

    private static String unescape(Path path, int line, String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                out.append(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 't' -> out.append('\t');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    if (i + 4 >= s.length()) {
                        throw new ConfException(path, line, null, "'\\u' must be followed by four hex digits");
                    }
                    try {
                        out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    } catch (NumberFormatException e) {
                        throw new ConfException(path, line, null, "'\\u" + s.substring(i + 1, i + 5) + "' is not four hex digits");
                    }
                    i += 4;
                }
                default -> out.append(n);
            }
        }
        return out.toString();
    }

    private static boolean endsWithContinuation(CharSequence s) {
        int backslashes = 0;
        for (int i = s.length() - 1; i >= 0 && s.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    private static String stripLeading(String s) {
        int i = 0;
        while (i < s.length() && isBlank(s.charAt(i))) {
            i++;
        }
        return s.substring(i);
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\f';
    }
}
