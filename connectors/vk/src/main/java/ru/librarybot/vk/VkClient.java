package ru.librarybot.vk;

import com.vk.api.sdk.client.TransportClient;
import com.vk.api.sdk.client.VkApiClient;
import com.vk.api.sdk.client.actors.GroupActor;

/** The VK SDK client pointed at VK_API_URL (a local fake in tests), acting as the library's community. */
class VkClient extends VkApiClient {

    private final String endpoint;
    private final GroupActor community;

    VkClient(TransportClient transport, String endpoint, long groupId, String token) {
        super(transport);
        this.endpoint = endpoint;
        this.community = new GroupActor(groupId, token);
    }

    @Override
    public String getApiEndpoint() {
        return endpoint;
    }

    GroupActor community() {
        return community;
    }

    long groupId() {
        return community.getGroupId();
    }
}
