package ru.librarybot.vk;

import java.net.URI;
import java.time.Duration;

import com.google.gson.JsonObject;
import com.vk.api.sdk.exceptions.ApiException;
import com.vk.api.sdk.exceptions.ClientException;
import com.vk.api.sdk.exceptions.LongPollServerKeyExpiredException;
import com.vk.api.sdk.objects.callback.longpoll.responses.GetLongPollEventsResponse;
import com.vk.api.sdk.objects.groups.responses.GetLongPollServerResponse;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;

import ru.librarybot.conversation.Channel;
import ru.librarybot.messenger.Inbox;
import ru.librarybot.messenger.PollingLoop;

/**
 * Bots Long Poll, for a library with no public URL: asks VK for events and stores each in the inbox before
 * moving past it. The position (ts) is kept in the store, so a restart continues where the last run stopped.
 */
class VkLongPoll extends PollingLoop {

    private static final Logger log = LoggerFactory.getLogger(VkLongPoll.class);
    private static final String CURSORS = "messenger_cursors";

    private final VkClient vk;
    private final Inbox inbox;
    private final MongoTemplate mongo;
    private final Duration wait;
    private URI server;
    private String key;
    private String ts;

    VkLongPoll(VkClient vk, Inbox inbox, MongoTemplate mongo, Duration wait) {
        super("vk-long-poll");
        this.vk = vk;
        this.inbox = inbox;
        this.mongo = mongo;
        this.wait = wait;
    }

    @Override
    protected void begin() {
        server = null;
        key = null;
        ts = storedTs();
    }

    @Override
    protected void pollOnce() throws ApiException, ClientException {
        if (server == null) {
            GetLongPollServerResponse session = vk.groups().getLongPollServer(vk.community(), vk.groupId())
                    .executeWithoutRetry();
            server = session.getServer();
            key = session.getKey();
            ts = ts == null ? session.getTs() : ts;
        }
        GetLongPollEventsResponse batch = vk.longPoll().getEvents(server, key, ts)
                .waitTime((int) wait.toSeconds()).execute();
        for (JsonObject update : batch.getUpdates()) {
            String json = update.toString();
            JsonNode event = VkEvents.parse(json);
            inbox.accept(Channel.VK, VkEvents.id(event, json), VkEvents.lane(event), json);
        }
        ts = batch.getTs();
        storeTs(ts);
    }

    @Override
    protected boolean recover(Exception failure, Duration pause) {
        server = null;
        return switch (failure) {
            // only the session's key expired: a new session at once is no failure
            case LongPollServerKeyExpiredException expired -> false;
            case ApiException e -> {
                // the position is too old or the session's history is lost: VK can only continue from now
                log.warn("VK long poll needs a new session ({}); events between the old and new position may be missed",
                        e.getMessage());
                ts = null;
                yield true;
            }
            default -> {
                if (isRunning()) {
                    log.warn("VK long poll failed ({}); retrying", failure.getMessage());
                }
                yield true;
            }
        };
    }

    private String storedTs() {
        Document cursor = mongo.findById(cursorId(), Document.class, CURSORS);
        return cursor == null ? null : cursor.getString("ts");
    }

    private void storeTs(String ts) {
        mongo.upsert(Query.query(Criteria.where("_id").is(cursorId())), new Update().set("ts", ts), CURSORS);
    }

    private String cursorId() {
        return "vk:" + vk.groupId();
    }
}
