package ru.librarybot.vk;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class VkSettingsTest {

    @Test
    void callsTheApiUnderVksTwentyRequestsASecondUnlessConfiguredOtherwise() {
        assertThat(bind(Map.of()).requestsPerSecond()).isEqualTo(19);
    }

    @Test
    void takesARaisedRequestLimitFromConfiguration() {
        assertThat(bind(Map.of("requests-per-second", "1000")).requestsPerSecond()).isEqualTo(1000);
    }

    /** The settings as the application binds them from {@code librarybot.vk.*} properties, with a token and group. */
    static VkSettings bind(Map<String, String> properties) {
        Map<String, String> prefixed = new HashMap<>(Map.of("librarybot.vk.token", FakeVkApi.TOKEN,
                "librarybot.vk.group-id", String.valueOf(FakeVkApi.GROUP_ID)));
        properties.forEach((key, value) -> prefixed.put("librarybot.vk." + key, value));
        return new Binder(new MapConfigurationPropertySource(prefixed)).bind("librarybot.vk", VkSettings.class).get();
    }
}
