package ru.librarybot.analytics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import ru.librarybot.conversation.Channel;
import ru.librarybot.conversation.Intent;
import ru.librarybot.conversation.Outcome;

/**
 * One day of the bot's work, as the daily rollups counted it.
 *
 * @param total all channels together; a person writing from two messengers counts as two readers
 * @param channels only the channels that had messages that day
 * @param counts messages per channel, intent and outcome
 */
public record DayFigures(LocalDate day, Totals total, Map<Channel, Totals> channels, List<Count> counts) {

    public DayFigures {
        channels = Map.copyOf(channels);
        counts = List.copyOf(counts);
    }

    /** Reader messages with this intent and outcome over all channels. */
    public long messages(Intent intent, Outcome outcome) {
        return counts.stream()
                .filter(count -> count.intent() == intent && count.outcome() == outcome)
                .mapToLong(Count::messages)
                .sum();
    }

    public Totals channel(Channel channel) {
        return channels.getOrDefault(channel, Totals.NONE);
    }

    public record Totals(long messagesIn, long messagesOut, long uniqueReaders) {
        public static final Totals NONE = new Totals(0, 0, 0);
    }

    public record Count(Channel channel, Intent intent, Outcome outcome, long messages) {
    }
}
