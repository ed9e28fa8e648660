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
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;

import ru.librarybot.conversation.Channel;
import ru.librarybot.messenger.Inbox;

/**
 * Bots Long Poll, for a library with no public URL: asks VK for events and stores each in the inbox before
 * moving past it. The position (ts) is kept in the store, so a restart continues where the last run stopped.
 */
class VkLongPoll implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(VkLongPoll.class);
    private static final String CURSORS = "messenger_cursors";

    private final VkClient vk;
    private final Inbox inbox;
    private final MongoTemplate mongo;
    private final Duration wait;
    private volatile boolean running;
    private volatile Thread poller;

    VkLongPoll(VkClient vk, Inbox inbox, MongoTemplate mongo, Duration wait) {
        this.vk = vk;
        this.inbox = inbox;
        this.mongo = mongo;
        this.wait = wait;
    }

    @Override
    public void start() {
        running = true;
        poller = Thread.ofPlatform().daemon().name("vk-long-poll").start(this::poll);
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = poller;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void poll() {
        URI server = null;
        String key = null;
        String ts = storedTs();
        int failures = 0;
        while (running) {
            try {
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
                failures = 0;
            } catch (LongPollServerKeyExpiredException e) {
                server = null;
            } catch (ApiException e) {
                // the position is too old or the session's history is lost: VK can only continue from now
                log.warn("VK long poll needs a new session ({}); events between the old and new position may be missed",
                        e.getMessage());
                server = null;
                ts = null;
                sleep(pause(++failures));
            } catch (ClientException | RuntimeException e) {
                if (running) {
                    log.warn("VK long poll failed ({}); retrying", e.getMessage());
                }
                server = null;
                sleep(pause(++failures));
            }
        }
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

    private static Duration pause(int failures) {
        return Duration.ofSeconds(Math.min(30, 1L << Math.min(failures - 1, 5)));
    }

    private void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
