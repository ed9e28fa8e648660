package ru.librarybot.vk;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** VK community events (Callback API and Bots Long Poll share their shape) read from their JSON. */
final class VkEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private VkEvents() {
    }

    /** Parses an event; throws {@link IllegalArgumentException} for anything that is not a JSON object with a type. */
    static JsonNode parse(String json) {
        JsonNode event;
        try {
            event = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("Not a VK event: malformed JSON");
        }
        if (event == null || !event.isObject() || !event.path("type").isString()) {
            throw new IllegalArgumentException("Not a VK event: no type");
        }
        return event;
    }

    /** The chat an event belongs to, so events of one chat are handled in order. */
    static String lane(JsonNode event) {
        JsonNode object = event.path("object");
        JsonNode peer = object.path("message").path("peer_id");
        if (peer.isMissingNode()) {
            peer = object.path("peer_id");
        }
        if (peer.isMissingNode()) {
            peer = object.path("user_id");
        }
        return peer.isMissingNode() ? "other" : peer.asString();
    }

    /**
     * The event's id, so a redelivery is recognised. Events from before VK added event_id fall back to their own
     * text, which a redelivery repeats exactly.
     */
    static String id(JsonNode event, String json) {
        JsonNode id = event.path("event_id");
        if (id.isString() && !id.asString().isBlank()) {
            return id.asString();
        }
        return "sha-" + Integer.toHexString(json.hashCode()) + "-" + json.length();
    }
}
