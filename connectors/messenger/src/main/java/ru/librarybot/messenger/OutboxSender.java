package ru.librarybot.messenger;

import ru.librarybot.conversation.Channel;
import ru.librarybot.delivery.ChannelSender;
import ru.librarybot.delivery.Outgoing;

/** Messages the library starts (reminders, announcements) reach a messenger through the same paced outbox. */
public class OutboxSender implements ChannelSender {

    private final Channel channel;
    private final Outbox outbox;

    public OutboxSender(Channel channel, Outbox outbox) {
        this.channel = channel;
        this.outbox = outbox;
    }

    @Override
    public Channel channel() {
        return channel;
    }

    @Override
    public void send(Outgoing message) {
        outbox.enqueue(message);
    }
}
