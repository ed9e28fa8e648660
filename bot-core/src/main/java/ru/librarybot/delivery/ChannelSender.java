package ru.librarybot.delivery;

import ru.librarybot.conversation.Channel;

/** A connector's way of sending a message the library starts; it owns its platform's limits and retries. */
public interface ChannelSender {

    Channel channel();

    /** Queues the message; the outcome is reported later through {@link DeliveryReports}. */
    void send(Outgoing message);
}
