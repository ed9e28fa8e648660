package ru.librarybot.vk;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The VK channel's settings, from VK_GROUP_TOKEN, VK_GROUP_ID, VK_API_URL, VK_CONFIRMATION_CODE and VK_SECRET.
 *
 * @param confirmationCode set when VK calls us (Callback API); without it we ask VK ourselves (Bots Long Poll)
 * @param longPollWait how long one long poll request waits for events
 * @param requestsPerSecond API calls a second the connector makes with the community token: VK allows 20, kept just
 *                          under; raised only against a local stand-in of the VK API (the benchmarks)
 */
@ConfigurationProperties("librarybot.vk")
public record VkSettings(String token, Long groupId, @DefaultValue("https://api.vk.com/method/") String apiUrl,
                         String confirmationCode, String secret, @DefaultValue("25s") Duration longPollWait,
                         @DefaultValue("19") int requestsPerSecond) {

    public boolean on() {
        return token != null && !token.isBlank() && groupId != null;
    }

    public boolean callback() {
        return on() && confirmationCode != null && !confirmationCode.isBlank();
    }

    String endpoint() {
        String url = apiUrl.strip();
        return url.endsWith("/") ? url : url + "/";
    }

    @Override
    public String toString() {
        return "VkSettings[groupId=" + groupId + ", apiUrl=" + apiUrl + ", token and secret hidden]";
    }
}
