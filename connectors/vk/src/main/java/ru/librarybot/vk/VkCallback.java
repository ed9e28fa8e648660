package ru.librarybot.vk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import tools.jackson.databind.JsonNode;

import ru.librarybot.conversation.Channel;
import ru.librarybot.messenger.Inbox;

/**
 * Callback API: VK posts each community event to us. An event is answered "ok" as soon as it is stored; it is
 * handled afterwards, so VK's few-seconds timeout is never at risk, and a redelivered event is dropped by its id.
 */
public class VkCallback {

    private final Inbox inbox;
    private final long groupId;
    private final String confirmationCode;
    private final byte[] secret;

    VkCallback(Inbox inbox, long groupId, String confirmationCode, String secret) {
        this.inbox = inbox;
        this.groupId = groupId;
        this.confirmationCode = confirmationCode;
        this.secret = secret == null || secret.isBlank() ? null : secret.strip().getBytes(StandardCharsets.UTF_8);
    }

    /** What to answer VK. */
    public sealed interface Outcome {
        /** The code that proves to VK this server belongs to the community. */
        record Confirm(String code) implements Outcome {
        }

        record Ok() implements Outcome {
        }

        /** Not from our community's VK: a wrong secret or group. */
        record Forbidden() implements Outcome {
        }

        record Malformed(String reason) implements Outcome {
        }
    }

    public Outcome receive(String body) {
        JsonNode event;
        try {
            event = VkEvents.parse(body);
        } catch (IllegalArgumentException e) {
            return new Outcome.Malformed(e.getMessage());
        }
        if (event.path("group_id").asLong() != groupId) {
            return new Outcome.Forbidden();
        }
        if ("confirmation".equals(event.path("type").asString())) {
            return new Outcome.Confirm(confirmationCode);
        }
        if (secret != null && !MessageDigest.isEqual(secret,
                event.path("secret").asString("").getBytes(StandardCharsets.UTF_8))) {
            return new Outcome.Forbidden();
        }
        inbox.accept(Channel.VK, VkEvents.id(event, body), VkEvents.lane(event), body);
        return new Outcome.Ok();
    }
}
