package ru.librarybot.vk.web;

import org.springframework.context.annotation.Conditional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import ru.librarybot.vk.VkCallback;
import ru.librarybot.vk.VkOn;

/** Where VK posts community events (Callback API); it expects the bare text "ok" or the confirmation code. */
@RestController
@Conditional(VkOn.Callback.class)
class VkCallbackController {

    private final VkCallback callback;

    VkCallbackController(VkCallback callback) {
        this.callback = callback;
    }

    @PostMapping(path = "/api/vk/callback", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> receive(@RequestBody(required = false) String body) {
        if (body == null || body.isBlank()) {
            return ResponseEntity.badRequest().body("an event is expected");
        }
        return switch (callback.receive(body)) {
            case VkCallback.Outcome.Confirm(String code) -> ResponseEntity.ok(code);
            case VkCallback.Outcome.Ok ok -> ResponseEntity.ok("ok");
            case VkCallback.Outcome.Forbidden forbidden -> ResponseEntity.status(403).body("forbidden");
            case VkCallback.Outcome.Malformed(String reason) -> ResponseEntity.badRequest().body(reason);
        };
    }
}
