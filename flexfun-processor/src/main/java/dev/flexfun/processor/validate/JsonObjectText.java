package dev.flexfun.processor.validate;

/**
 * Checks that a text is one JSON object and returns it compact (whitespace between tokens
 * removed, tokens kept as written). The processor has no JSON library, and needs none for this.
 */
public final class JsonObjectText {
    private final String text;
    private final StringBuilder out = new StringBuilder();
    private int pos;

    /** A text that is not a JSON object; the message says what and where. */
    public static final class InvalidJson extends Exception {
        InvalidJson(String message) {
            super(message);
        }
    }

    private JsonObjectText(String text) {
        this.text = text;
    }

    /** The compact form of {@code text}, which must be exactly one JSON object. */
    public static String compact(String text) throws InvalidJson {
        JsonObjectText parser = new JsonObjectText(text);
        parser.skipSpace();
        if (parser.peek() != '{') {
            throw new InvalidJson("it must be a JSON object (starting with '{')");
        }
        parser.value();
        parser.skipSpace();
        if (parser.pos < text.length()) {
            throw parser.error("unexpected text after the object");
        }
        return parser.out.toString();
    }

    private void value() throws InvalidJson {
        skipSpace();
        char c = peek();
        switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    number();
                } else {
                    throw error(c == 0 ? "unexpected end" : "unexpected character '" + c + "'");
                }
            }
        }
    }

    private void object() throws InvalidJson {
        expect('{');
        skipSpace();
        if (peek() == '}') {
            expect('}');
            return;
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw error("expected a quoted key");
            }
            string();
            skipSpace();
            expect(':');
            value();
            skipSpace();
            if (peek() == ',') {
                expect(',');
            } else {
                expect('}');
                return;
            }
        }
    }

    private void array() throws InvalidJson {
        expect('[');
        skipSpace();
        if (peek() == ']') {
            expect(']');
            return;
        }
        while (true) {
            value();
            skipSpace();
            if (peek() == ',') {
                expect(',');
            } else {
                expect(']');
                return;
            }
        }
    }

    private void string() throws InvalidJson {
        expect('"');
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos++);
            out.append(c);
            if (c == '"') {
                return;
            }
            if (c < 0x20) {
                throw error("control character in a string");
            }
            if (c == '\\') {
                char escaped = pos < text.length() ? text.charAt(pos++) : 0;
                out.append(escaped);
                if (escaped == 'u') {
                    for (int i = 0; i < 4; i++) {
                        char hex = pos < text.length() ? text.charAt(pos++) : 0;
                        if (Character.digit(hex, 16) < 0) {
                            throw error("bad \\u escape");
                        }
                        out.append(hex);
                    }
                } else if ("\"\\/bfnrt".indexOf(escaped) < 0 || escaped == 0) {
                    throw error("bad escape");
                }
            }
        }
    }

    private void number() throws InvalidJson {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (!digits()) {
            throw error("bad number");
        }
        if (peek() == '.') {
            pos++;
            if (!digits()) {
                throw error("bad number");
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!digits()) {
                throw error("bad number");
            }
        }
        out.append(text, start, pos);
    }

    private boolean digits() {
        int start = pos;
        while (peek() >= '0' && peek() <= '9') {
            pos++;
        }
        return pos > start;
    }

    private void literal(String word) throws InvalidJson {
        if (!text.startsWith(word, pos)) {
            throw error("unexpected token");
        }
        pos += word.length();
        out.append(word);
    }

    private void expect(char c) throws InvalidJson {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
        out.append(c);
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : 0;
    }

    private void skipSpace() {
        while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
    }

    private InvalidJson error(String problem) {
        return new InvalidJson(problem + " at character " + (pos + 1));
    }
}
