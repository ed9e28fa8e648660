package ru.librarybot.messenger;

import java.util.List;

import ru.librarybot.conversation.Channel;
import ru.librarybot.conversation.Reply;

/** One platform's way of putting a reply into a chat; the outbox decides when, and what to do when it fails. */
public interface Transport {

    Channel channel();

    /** The platform's limits; one instance per platform, shared by every send to it. */
    Pace pace();

    boolean isGroupChat(String chatId);

    /**
     * The platform messages one reply becomes, in order: a long text is split, a caption too long for a photo
     * follows it as text. Buttons stay on the last message.
     */
    List<Reply> messages(Reply reply);

    /**
     * Sends one platform message.
     *
     * @param sendKey the same for every attempt at this message, so a platform that deduplicates (VK's random_id)
     *                delivers a retried send once
     */
    void send(String chatId, Reply message, String sendKey) throws SendFailure, InterruptedException;
}
