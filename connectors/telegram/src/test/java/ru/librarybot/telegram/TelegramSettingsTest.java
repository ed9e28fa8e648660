package ru.librarybot.telegram;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class TelegramSettingsTest {

    @Test
    void sendsUnderTelegramsFloodLimitsUnlessConfiguredOtherwise() {
        TelegramSettings settings = bind(Map.of("token", FakeBotApi.TOKEN));

        assertThat(settings.sends()).isEqualTo(new TelegramSettings.Sends(28, Duration.ofMillis(1100), 19));
    }

    @Test
    void takesRaisedSendLimitsFromConfiguration() {
        TelegramSettings settings = bind(Map.of("token", FakeBotApi.TOKEN, "sends.per-second", "1000",
                "sends.per-chat-interval", "1ms", "sends.per-group-per-minute", "600"));

        assertThat(settings.sends()).isEqualTo(new TelegramSettings.Sends(1000, Duration.ofMillis(1), 600));
    }

    /** The settings as the application binds them from {@code librarybot.telegram.*} properties. */
    static TelegramSettings bind(Map<String, String> properties) {
        Map<String, String> prefixed = new HashMap<>();
        properties.forEach((key, value) -> prefixed.put("librarybot.telegram." + key, value));
        return new Binder(new MapConfigurationPropertySource(prefixed)).bind("librarybot.telegram", TelegramSettings.class)
                .get();
    }
}
