package ru.librarybot.analytics;

import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;

import ru.librarybot.conversation.Channel;
import ru.librarybot.conversation.Intent;
import ru.librarybot.conversation.ErrorSummary;
import ru.librarybot.conversation.MessageHandled;
import ru.librarybot.conversation.Outcome;

/**
 * Meters of the conversation: messages in and out per channel, handling time and errors per intent. Tags come
 * from the channel and intent enums only, so the number of series stays bounded.
 */
class ConversationMetrics {

    private static final Logger log = LoggerFactory.getLogger(ConversationMetrics.class);

    private final Map<Channel, Counter> messagesIn = new EnumMap<>(Channel.class);
    private final Map<Channel, Counter> messagesOut = new EnumMap<>(Channel.class);
    private final Map<Intent, Timer> handling = new EnumMap<>(Intent.class);
    private final Map<Intent, Counter> errors = new EnumMap<>(Intent.class);

    ConversationMetrics(MeterRegistry meters) {
        for (Channel channel : Channel.values()) {
            messagesIn.put(channel, Counter.builder("librarybot.messages.in")
                    .description("Reader messages the bot handled").tag("channel", channel.id()).register(meters));
            messagesOut.put(channel, Counter.builder("librarybot.messages.out")
                    .description("Replies the bot sent").tag("channel", channel.id()).register(meters));
        }
        for (Intent intent : Intent.values()) {
            handling.put(intent, Timer.builder("librarybot.handling")
                    .description("Time from a reader's message to the bot's answer")
                    .tag("intent", intent.name()).publishPercentileHistogram().register(meters));
            errors.put(intent, Counter.builder("librarybot.errors")
                    .description("Reader messages the bot failed to answer and apologised for")
                    .tag("intent", intent.name()).register(meters));
        }
    }

    @EventListener
    public void onMessageHandled(MessageHandled handled) {
        try {
            messagesIn.get(handled.channel()).increment();
            messagesOut.get(handled.channel()).increment(handled.replies().size());
            handling.get(handled.intent()).record(handled.handlingTime());
            if (handled.outcome() == Outcome.ERROR) {
                errors.get(handled.intent()).increment();
            }
        } catch (RuntimeException e) {
            log.warn("Could not meter a {} message ({})", handled.channel(), ErrorSummary.of(e));
        }
    }
}
