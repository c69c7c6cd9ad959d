package org.socketlab.server.api;

import java.nio.charset.StandardCharsets;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** The one configured Gson of the server, and the JSON bodies built with it. Thread-safe. */
public final class Json {
    // HTML escaping is off: bodies are served as application/json with nosniff, and scripts reading the
    // transcript want "<html>" rather than "\u003chtml\u003e".
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

    private Json() {
    }

    /** @return the shared Gson */
    public static Gson gson() {
        return GSON;
    }

    /** @param element JSON @return it as compact UTF-8 bytes */
    public static byte[] bytes(JsonElement element) {
        return GSON.toJson(element).getBytes(StandardCharsets.UTF_8);
    }

    /** @param element JSON @return it indented, for people */
    public static String pretty(JsonElement element) {
        return Pretty.GSON.toJson(element);
    }

    // Only run --json needs it: built on first use, not at every start.
    private static final class Pretty {
        static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().setPrettyPrinting().create();
    }

    /** @param message what went wrong @return {@code {"error": message}} */
    public static JsonObject error(String message) {
        JsonObject body = new JsonObject();
        body.addProperty("error", message);
        return body;
    }

    /**
     * @param message   what went wrong, whole
     * @param parameter the case parameter at fault, or {@code null} when the error is not about one
     * @return {@code {"error": message}}, plus {@code "parameter": name} when a parameter is at fault
     */
    public static JsonObject error(String message, String parameter) {
        JsonObject body = error(message);
        if (parameter != null) {
            body.addProperty("parameter", parameter);
        }
        return body;
    }
}
