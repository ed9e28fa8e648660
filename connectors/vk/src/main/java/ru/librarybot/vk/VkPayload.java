package ru.librarybot.vk;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A button's payload as VK carries it: a small JSON object around the engine's {@code INTENT:argument}. */
final class VkPayload {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private VkPayload() {
    }

    static String of(String button) {
        return JSON.createObjectNode().put("b", button).toString();
    }

    /** A message_event answer that shows the reader a short note. */
    static String snackbar(String text) {
        return JSON.createObjectNode().put("type", "show_snackbar").put("text", text).toString();
    }

    /** The engine's payload inside a VK payload (an object, or the JSON string of one); {@code null} when none. */
    static String button(JsonNode payload) {
        if (payload == null || payload.isMissingNode() || payload.isNull()) {
            return null;
        }
        JsonNode object = payload;
        if (payload.isString()) {
            try {
                object = JSON.readTree(payload.asString());
            } catch (RuntimeException e) {
                return null;
            }
        }
        JsonNode button = object.path("b");
        return button.isString() ? button.asString() : null;
    }
}
