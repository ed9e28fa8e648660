package ru.librarybot.telegram;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.telegram.telegrambots.meta.TelegramUrl;

import ru.librarybot.messenger.Pace;

/**
 * The Telegram channel's settings, from TELEGRAM_BOT_TOKEN, TELEGRAM_API_URL, TELEGRAM_WEBHOOK_URL and
 * TELEGRAM_WEBHOOK_SECRET.
 *
 * @param pollTimeout how long one getUpdates call waits for updates
 * @param sends how fast the outbox sends to Telegram ({@code librarybot.telegram.sends.*})
 */
@ConfigurationProperties("librarybot.telegram")
public record TelegramSettings(String token, @DefaultValue("https://api.telegram.org") String apiUrl,
                               String webhookUrl, String webhookSecret,
                               @DefaultValue("50s") Duration pollTimeout, @DefaultValue Sends sends) {

    /**
     * Telegram's published flood limits, kept just under: about 30 messages a second overall, one a second per
     * chat, 20 a minute per group. Raise them only for a bot Telegram lets send more (paid broadcasts) or against a
     * local stand-in of the Bot API (the benchmarks).
     *
     * @param perSecond messages a second to all chats together
     * @param perChatInterval the least time between two messages to one chat
     * @param perGroupPerMinute messages a minute to one group chat
     */
    public record Sends(@DefaultValue("28") int perSecond, @DefaultValue("1100ms") Duration perChatInterval,
                       @DefaultValue("19") int perGroupPerMinute) {

        Pace pace() {
            return new Pace(Pace.Limit.perSecond(perSecond), new Pace.Limit(1, perChatInterval),
                    Pace.Limit.perMinute(perGroupPerMinute));
        }
    }

    public boolean on() {
        return token != null && !token.isBlank();
    }

    public boolean webhook() {
        return on() && webhookUrl != null && !webhookUrl.isBlank();
    }

    TelegramUrl telegramUrl() {
        URI uri = URI.create(apiUrl.strip());
        int port = uri.getPort() > 0 ? uri.getPort() : "http".equals(uri.getScheme()) ? 80 : 443;
        return new TelegramUrl(uri.getScheme(), uri.getHost(), port, false);
    }

    /**
     * The secret Telegram sends with every webhook call. Without TELEGRAM_WEBHOOK_SECRET it is derived from the
     * token: stable across restarts and instances, and unknown to anyone who does not hold the token.
     */
    String effectiveWebhookSecret() {
        if (webhookSecret != null && !webhookSecret.isBlank()) {
            return webhookSecret.strip();
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(token.strip().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal("librarybot-telegram-webhook".getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "TelegramSettings[apiUrl=" + apiUrl + ", webhookUrl=" + webhookUrl + ", token and secret hidden]";
    }
}
