package ru.librarybot.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import ru.librarybot.conversation.Channel;
import ru.librarybot.conversation.ReaderWrote;
import ru.librarybot.conversation.Reply;

/** Sends the library's own messages to a reader on the channel account they wrote from. */
@Service
public class Delivery {

    private static final Logger log = LoggerFactory.getLogger(Delivery.class);

    /** A reader's every message need not rewrite their account: once an hour keeps lastSeen useful. */
    private static final Duration RECORD_AGAIN_AFTER = Duration.ofHours(1);

    private final ReaderAccountRepository accounts;
    private final Map<String, Recorded> recentlyRecorded = new ConcurrentHashMap<>();
    private final ApplicationEventPublisher events;
    private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);

    Delivery(ReaderAccountRepository accounts, List<ChannelSender> senders, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.events = events;
        senders.forEach(sender -> this.senders.put(sender.channel(), sender));
    }

    /** What happened to a message handed to delivery. */
    public enum Result { QUEUED, UNKNOWN_READER, UNREACHABLE, CHANNEL_OFF }

    public Result toReader(String messageId, String readerKey, List<Reply> replies, String purpose) {
        ReaderAccount account = accounts.findById(readerKey).orElse(null);
        if (account == null) {
            return Result.UNKNOWN_READER;
        }
        if (!account.reachable()) {
            return Result.UNREACHABLE;
        }
        ChannelSender sender = senders.get(account.channel());
        if (sender == null) {
            log.warn("No sender for channel {}: a {} message is not delivered", account.channel().id(), purpose);
            return Result.CHANNEL_OFF;
        }
        sender.send(new Outgoing(messageId, readerKey, account.channel(), account.chatId(), replies, purpose));
        events.publishEvent(new LibraryMessageSent(messageId, readerKey, account.channel(), purpose, replies,
                Instant.now()));
        return Result.QUEUED;
    }

    /** Writing again is how a reader who blocked the bot says they may be written to again. */
    @EventListener
    void on(ReaderWrote wrote) {
        if (recentlyRecorded.get(wrote.readerKey()) instanceof Recorded recorded && recorded.chatId().equals(wrote.chatId())
                && recorded.at().isAfter(wrote.at().minus(RECORD_AGAIN_AFTER))) {
            return;
        }
        accounts.save(new ReaderAccount(wrote.readerKey(), wrote.channel(), wrote.chatId(), wrote.at(), null));
        if (recentlyRecorded.size() > 100_000) {
            recentlyRecorded.clear();
        }
        recentlyRecorded.put(wrote.readerKey(), new Recorded(wrote.chatId(), wrote.at()));
    }

    void forgetRecorded(String readerKey) {
        recentlyRecorded.remove(readerKey);
    }

    /**
     * Drops where a reader who asked to be forgotten can be written to, unless they wrote again after
     * {@code upTo}: a conversation begun afresh is theirs to keep.
     */
    public void forget(String readerKey, Instant upTo) {
        recentlyRecorded.remove(readerKey);
        accounts.findById(readerKey).filter(account -> !account.lastSeen().isAfter(upTo))
                .ifPresent(accounts::delete);
    }

    private record Recorded(String chatId, Instant at) {
    }
}
