package ru.librarybot.telegram.web;

import org.springframework.context.annotation.Conditional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import ru.librarybot.telegram.TelegramOn;
import ru.librarybot.telegram.TelegramWebhook;

/** Where Telegram delivers updates in webhook mode; only requests carrying our secret get in. */
@RestController
@Conditional(TelegramOn.Webhook.class)
class TelegramWebhookController {

    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    private final TelegramWebhook webhook;

    TelegramWebhookController(TelegramWebhook webhook) {
        this.webhook = webhook;
    }

    @PostMapping(path = "/api/telegram/webhook")
    ResponseEntity<String> receive(@RequestHeader(name = SECRET_HEADER, required = false) String secret,
                                   @RequestBody(required = false) String body) {
        if (!webhook.authentic(secret)) {
            return ResponseEntity.status(401).body("{\"error\":\"missing or wrong secret token\"}");
        }
        if (body == null || body.isBlank()) {
            return ResponseEntity.badRequest().body("{\"error\":\"an update is expected\"}");
        }
        try {
            webhook.receive(body);
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest().body("{\"error\":\"not a Bot API update\"}");
        }
        return ResponseEntity.ok("{}");
    }
}
