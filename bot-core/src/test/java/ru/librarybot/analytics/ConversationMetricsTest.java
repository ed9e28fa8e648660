package ru.librarybot.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import ru.librarybot.conversation.Channel;
import ru.librarybot.conversation.Intent;
import ru.librarybot.conversation.MessageHandled;
import ru.librarybot.conversation.Outcome;
import ru.librarybot.conversation.Reply;

class ConversationMetricsTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ConversationMetrics metrics = new ConversationMetrics(meters);

    @Test
    void countsMessagesInAndRepliesOutPerChannel() {
        metrics.onMessageHandled(handled(Channel.TELEGRAM, Intent.EVENTS, Outcome.ANSWERED, 3, 120));
        metrics.onMessageHandled(handled(Channel.TELEGRAM, Intent.HELP, Outcome.ANSWERED, 1, 5));
        metrics.onMessageHandled(handled(Channel.WEBCHAT, Intent.HELP, Outcome.ANSWERED, 1, 5));

        assertThat(meters.get("librarybot.messages.in").tag("channel", "telegram").counter().count()).isEqualTo(2);
        assertThat(meters.get("librarybot.messages.out").tag("channel", "telegram").counter().count()).isEqualTo(4);
        assertThat(meters.get("librarybot.messages.in").tag("channel", "webchat").counter().count()).isEqualTo(1);
        assertThat(meters.get("librarybot.messages.in").tag("channel", "vk").counter().count()).isZero();
    }

    @Test
    void timesHandlingPerIntent() {
        metrics.onMessageHandled(handled(Channel.VK, Intent.AVAILABILITY, Outcome.NOT_FOUND, 1, 300));
        metrics.onMessageHandled(handled(Channel.VK, Intent.AVAILABILITY, Outcome.ANSWERED, 1, 100));

        var timer = meters.get("librarybot.handling").tag("intent", "AVAILABILITY").timer();
        assertThat(timer.count()).isEqualTo(2);
        assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(400);
        assertThat(timer.max(TimeUnit.MILLISECONDS)).isEqualTo(300);
    }

    @Test
    void countsErrorsPerIntentOnlyForFailedAnswers() {
        metrics.onMessageHandled(handled(Channel.VK, Intent.LOANS, Outcome.ERROR, 1, 10));
        metrics.onMessageHandled(handled(Channel.VK, Intent.LOANS, Outcome.NOT_FOUND, 1, 10));
        metrics.onMessageHandled(handled(Channel.VK, Intent.RENEW, Outcome.UNAVAILABLE, 1, 10));

        assertThat(meters.get("librarybot.errors").tag("intent", "LOANS").counter().count()).isEqualTo(1);
        assertThat(meters.get("librarybot.errors").tag("intent", "RENEW").counter().count()).isZero();
    }

    @Test
    void tagsOnlyChannelsAndIntentsSoSeriesStayBounded() {
        metrics.onMessageHandled(handled(Channel.MAX, Intent.WISH, Outcome.HANDED_OVER, 2, 10));

        assertThat(meters.getMeters()).allSatisfy(meter -> assertThat(meter.getId().getTags())
                .allSatisfy(tag -> assertThat(tag.getKey()).isIn("channel", "intent")));
        assertThat(meters.getMeters().stream().map(Meter::getId).map(Meter.Id::getName).distinct())
                .containsExactlyInAnyOrder("librarybot.messages.in", "librarybot.messages.out", "librarybot.handling",
                        "librarybot.errors");
        assertThat(meters.getMeters()).hasSize(2 * Channel.values().length + 2 * Intent.values().length);
    }

    private static MessageHandled handled(Channel channel, Intent intent, Outcome outcome, int replies, long millis) {
        return new MessageHandled(channel, channel.id() + ":0123456789abcdef0123456789abcdef", Instant.now(),
                "текст", false, intent, outcome, Collections.nCopies(replies, new Reply.Text("ответ")),
                Duration.ofMillis(millis));
    }
}
