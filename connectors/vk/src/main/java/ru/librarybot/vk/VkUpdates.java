package ru.librarybot.vk;

import java.util.regex.Pattern;

import com.vk.api.sdk.exceptions.ApiException;
import com.vk.api.sdk.exceptions.ClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import tools.jackson.databind.JsonNode;

import ru.librarybot.conversation.Channel;
import ru.librarybot.conversation.ConversationEngine;
import ru.librarybot.conversation.InboundMessage;
import ru.librarybot.conversation.ReaderKeys;
import ru.librarybot.conversation.ReaderWrote;
import ru.librarybot.conversation.Texts;
import ru.librarybot.conversation.UnknownButtonException;
import ru.librarybot.delivery.DeliveryReports;
import ru.librarybot.messenger.InboxEntry;
import ru.librarybot.messenger.Outbox;
import ru.librarybot.messenger.UpdateHandler;

/**
 * Turns a stored VK event into a reader message for the engine and queues the answer: new messages, callback
 * button presses, and a reader's consent to (or refusal of) the community's messages.
 */
class VkUpdates implements UpdateHandler {

    private static final Logger log = LoggerFactory.getLogger(VkUpdates.class);

    private final ConversationEngine engine;
    private final Outbox outbox;
    private final ReaderKeys readerKeys;
    private final DeliveryReports reports;
    private final ApplicationEventPublisher events;
    private final Texts texts;
    private final VkClient vk;
    private final VkTransport transport;
    private final Pattern mention;

    VkUpdates(ConversationEngine engine, Outbox outbox, ReaderKeys readerKeys, DeliveryReports reports,
              ApplicationEventPublisher events, Texts texts, VkClient vk, VkTransport transport) {
        this.engine = engine;
        this.outbox = outbox;
        this.readerKeys = readerKeys;
        this.reports = reports;
        this.events = events;
        this.texts = texts;
        this.vk = vk;
        this.transport = transport;
        // how VK writes a mention of the community in a chat: [club123|@library] or [public123|Библиотека]
        this.mention = Pattern.compile("\\[(club|public)" + vk.groupId() + "\\|[^\\]]*\\][,:]?\\s*");
    }

    @Override
    public Channel channel() {
        return Channel.VK;
    }

    @Override
    public void handle(InboxEntry entry) {
        JsonNode event = VkEvents.parse(entry.payload());
        JsonNode object = event.path("object");
        switch (event.path("type").asString()) {
            case "message_new" -> onMessage(object.path("message"), entry);
            case "message_event" -> onPress(object, entry);
            case "message_allow" -> onConsent(object, entry, true);
            case "message_deny" -> onConsent(object, entry, false);
            default -> log.debug("A VK {} event is not for the bot", event.path("type").asString());
        }
    }

    private void onMessage(JsonNode message, InboxEntry entry) {
        long from = message.path("from_id").asLong();
        String peer = message.path("peer_id").asString();
        if (from <= 0 || message.path("out").asInt() == 1) {
            return;
        }
        String text = message.path("text").asString("");
        String button = VkPayload.button(message.path("payload"));
        InboundMessage.Content content;
        if (button != null && engine.isKnownButton(button)) {
            content = new InboundMessage.Content.ButtonPress(button);
        } else if ("start".equals(startCommand(message.path("payload")))) {
            content = new InboundMessage.Content.Text("/start");
        } else {
            if (transport.isGroupChat(peer)) {
                if (!addressed(message, text)) {
                    return;
                }
                text = mention.matcher(text).replaceAll("").strip();
            }
            content = new InboundMessage.Content.Text(text);
        }
        answer(new InboundMessage(Channel.VK, peer, String.valueOf(from), content, entry.receivedAt()), entry.id());
    }

    private void onPress(JsonNode press, InboxEntry entry) {
        String button = VkPayload.button(press.path("payload"));
        long user = press.path("user_id").asLong();
        long peer = press.path("peer_id").asLong();
        String eventId = press.path("event_id").asString();
        if (button == null || !engine.isKnownButton(button)) {
            answerPress(eventId, user, peer, texts.get("messenger.button.outdated"));
            return;
        }
        answerPress(eventId, user, peer, null);
        try {
            answer(new InboundMessage(Channel.VK, String.valueOf(peer), String.valueOf(user),
                    new InboundMessage.Content.ButtonPress(button), entry.receivedAt()), entry.id());
        } catch (UnknownButtonException e) {
            log.debug("A VK button stopped being valid while it was pressed");
        }
    }

    /** message_allow / message_deny: the reader lets the community write to them, or stops it. */
    private void onConsent(JsonNode consent, InboxEntry entry, boolean allowed) {
        String user = consent.path("user_id").asString();
        String readerKey = readerKeys.of(Channel.VK, user);
        if (allowed) {
            // allowing messages is the reader reaching out: delivery records the account as reachable again
            events.publishEvent(new ReaderWrote(readerKey, Channel.VK, user, entry.receivedAt()));
        } else {
            reports.readerUnreachable(readerKey, "the reader denied messages from the community");
        }
    }

    private void answer(InboundMessage message, String replyId) {
        outbox.enqueueAnswer(replyId, readerKeys.of(Channel.VK, message.userId()), message, engine.handle(message));
    }

    private void answerPress(String eventId, long user, long peer, String text) {
        try {
            transport.pace().acquire(String.valueOf(peer), false);
            var answer = vk.messages().sendMessageEventAnswer(vk.community(), eventId, user, peer);
            if (text != null) {
                answer.eventData(VkPayload.snackbar(text));
            }
            answer.executeWithoutRetry();
        } catch (ApiException | ClientException e) {
            // the reader's button stops spinning by itself; the press is handled all the same
            log.warn("A VK button press could not be acknowledged: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** In a chat the bot answers a mention of the community or a reply to its own message. */
    private boolean addressed(JsonNode message, String text) {
        if (message.path("reply_message").path("from_id").asLong() == -vk.groupId()) {
            return true;
        }
        return mention.matcher(text).find();
    }

    private static String startCommand(JsonNode payload) {
        if (payload.isMissingNode() || !payload.isString()) {
            return null;
        }
        return payload.asString().contains("\"command\":\"start\"") ? "start" : null;
    }
}
