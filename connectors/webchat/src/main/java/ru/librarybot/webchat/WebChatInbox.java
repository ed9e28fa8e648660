package ru.librarybot.webchat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import ru.librarybot.conversation.Button;
import ru.librarybot.conversation.Channel;
import ru.librarybot.conversation.Reply;
import ru.librarybot.delivery.ChannelSender;
import ru.librarybot.delivery.Outgoing;

/**
 * Messages the library starts for a web chat reader (a reminder, a book that came back) wait here until the page
 * asks for them: the browser holds no open connection, so it collects them when it polls.
 */
@Component
public class WebChatInbox implements ChannelSender {

    /** An abandoned browser must not pile messages up forever: the oldest go first beyond this many. */
    static final int KEPT_PER_READER = 50;
    private static final String COLLECTION = "webchat_inbox";

    private final MongoTemplate mongo;

    WebChatInbox(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Channel channel() {
        return Channel.WEBCHAT;
    }

    @Override
    public void send(Outgoing message) {
        List<Document> replies = message.replies().stream().map(WebChatInbox::document).toList();
        Document waiting = new Document("id", message.id()).append("at", Instant.now()).append("replies", replies);
        // the message id guards against a retried send landing twice
        boolean added = mongo.updateFirst(
                Query.query(Criteria.where("_id").is(message.chatId()).and("messages.id").ne(message.id())),
                new Update().push("messages").slice(-KEPT_PER_READER).each(waiting), COLLECTION).getMatchedCount() > 0;
        if (!added) {
            mongo.upsert(Query.query(Criteria.where("_id").is(message.chatId())),
                    new Update().setOnInsert("messages", List.of(waiting)), COLLECTION);
        }
    }

    /** Hands over, once, everything waiting for this reader, oldest first. */
    public List<Reply> collect(String user) {
        Document taken = mongo.findAndModify(Query.query(Criteria.where("_id").is(user)),
                new Update().set("messages", List.of()), FindAndModifyOptions.options().returnNew(false),
                Document.class, COLLECTION);
        List<Reply> replies = new ArrayList<>();
        if (taken != null) {
            for (Document waiting : taken.getList("messages", Document.class, List.of())) {
                waiting.getList("replies", Document.class, List.of()).forEach(reply -> replies.add(reply(reply)));
            }
        }
        return replies;
    }

    private static Document document(Reply reply) {
        List<Document> buttons = reply.buttons().stream()
                .map(b -> new Document("label", b.label()).append("payload", b.payload())).toList();
        return switch (reply) {
            case Reply.Text text -> new Document("text", text.text()).append("buttons", buttons);
            case Reply.Image image -> new Document("png", new org.bson.types.Binary(image.png()))
                    .append("alt", image.altText()).append("buttons", buttons);
        };
    }

    private static Reply reply(Document stored) {
        List<Button> buttons = stored.getList("buttons", Document.class, List.of()).stream()
                .map(b -> new Button(b.getString("label"), b.getString("payload"))).toList();
        if (stored.containsKey("png")) {
            return new Reply.Image(stored.get("png", org.bson.types.Binary.class).getData(), stored.getString("alt"),
                    buttons);
        }
        return new Reply.Text(stored.getString("text"), buttons);
    }
}
