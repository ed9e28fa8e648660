package ru.librarybot.circulation;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.TestComponent;

import ru.librarybot.conversation.Channel;
import ru.librarybot.delivery.ChannelSender;
import ru.librarybot.delivery.Outgoing;

/** Stands in for the web chat's way of showing a reader the messages the library starts. */
@TestComponent
class WebChatInbox implements ChannelSender {

    final List<Outgoing> messages = new CopyOnWriteArrayList<>();

    @Override
    public Channel channel() {
        return Channel.WEBCHAT;
    }

    @Override
    public void send(Outgoing message) {
        messages.add(message);
    }
}
