package org.socketlab.server.api;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;

import java.io.StringReader;

import org.socketlab.server.http.HttpException;
import org.socketlab.server.http.Status;

/** Reads the body of {@code POST /api/cases/{id}/runs}: {@code {"params": {...}}}, or nothing for the defaults. */
final class RunRequest {
    /** {"params": {"name": value}} is three levels; the rest is room for what a future version may add. */
    static final int MAX_DEPTH = 16;

    private RunRequest() {
    }

    /**
     * @param body the request body, possibly empty
     * @return the parameter values by name, as JSON gave them (numbers as their text, in a {@link Number})
     * @throws HttpException 400 with a message that says where the body is wrong
     */
    static Map<String, Object> params(byte[] body) {
        if (body.length == 0) {
            return Map.of();
        }
        String text = decode(body);
        checkDepth(text);
        JsonElement root = parse(text);
        if (!root.isJsonObject()) {
            throw badRequest("the body must be a JSON object like {\"params\": {\"name\": value}}");
        }
        JsonObject object = root.getAsJsonObject();
        for (String key : object.keySet()) {
            if (!key.equals("params")) {
                throw badRequest("unknown field '" + Printable.of(key) + "' in the body (expected: params)");
            }
        }
        JsonElement params = object.get("params");
        if (params == null || params.isJsonNull()) {
            return Map.of();
        }
        if (!params.isJsonObject()) {
            throw badRequest("'params' must be a JSON object of parameter values, e.g. {\"bufferSize\": 1024}");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        params.getAsJsonObject().entrySet().forEach(entry -> values.put(entry.getKey(), value(entry.getValue())));
        return values;
    }

    static String decode(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw badRequest("the body is not valid UTF-8");
        }
    }

    static JsonElement parse(String text) {
        try {
            JsonReader reader = new JsonReader(new StringReader(text));
            reader.setStrictness(Strictness.STRICT);
            JsonElement element = JsonParser.parseReader(reader);
            if (reader.peek() != com.google.gson.stream.JsonToken.END_DOCUMENT) {
                throw new JsonParseException("unexpected data after the JSON value");
            }
            return element;
        } catch (JsonParseException | java.io.IOException | IllegalStateException e) {
            throw badRequest("the body is not valid JSON" + Printable.whole(where(e)));
        }
    }

    // Gson says where ("at line 1 column 2 path $"); keep that, without the Java exception names and the
    // troubleshooting link that Gson puts around it.
    private static String where(Exception e) {
        Throwable cause = e.getCause() != null && e.getMessage() != null && e.getMessage().startsWith("java.")
                ? e.getCause() : e;
        String message = cause.getMessage();
        if (message == null) {
            return "";
        }
        message = message.replaceAll("\\s*See https?://\\S+", "").replaceFirst("^[a-z]+(\\.[a-zA-Z]+)+: ", "")
                .replaceFirst("^Use JsonReader\\.setStrictness\\(\\S+\\) to accept malformed JSON", "malformed JSON");
        return ": " + message;
    }

    // Numbers stay exact (BigDecimal) so that 8.5 is refused as an int rather than rounded.
    static Object value(JsonElement element) {
        if (element.isJsonPrimitive()) {
            JsonPrimitive primitive = element.getAsJsonPrimitive();
            if (primitive.isBoolean()) {
                return primitive.getAsBoolean();
            }
            if (primitive.isNumber()) {
                // As written, unconverted: the parameter's own rules bound its length before reading it.
                return primitive.getAsNumber();
            }
            return primitive.getAsString();
        }
        // An array or object is never a valid value; its shape is enough to say so, and printing it whole could
        // be megabytes, or recurse as deep as it is nested.
        return element.isJsonNull() ? null : new Shape(element.isJsonArray() ? "an array" : "an object");
    }

    /** A JSON value that is no parameter value, as an error message shows it. */
    private record Shape(String description) {
        @Override
        public String toString() {
            return description;
        }
    }

    /**
     * Refuses a document nested deeper than any run request needs before it is parsed: deep nesting costs
     * stack in every recursive walk of the tree (toString, equals), and a StackOverflowError is no answer.
     */
    private static void checkDepth(String text) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                if (++depth > MAX_DEPTH) {
                    throw badRequest("the body is nested more than " + MAX_DEPTH + " levels deep");
                }
            } else if (c == ']' || c == '}') {
                depth--;
            }
        }
    }

    private static HttpException badRequest(String message) {
        return new HttpException(Status.BAD_REQUEST, message);
    }
}
