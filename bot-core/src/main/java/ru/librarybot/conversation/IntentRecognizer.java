package ru.librarybot.conversation;

import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

/** Reads what a reader wants from Russian free text and bot commands. */
@Component
public class IntentRecognizer {

    private static final Map<String, Intent> COMMANDS = Map.ofEntries(
            Map.entry("start", Intent.HELP), Map.entry("help", Intent.HELP), Map.entry("menu", Intent.HELP),
            Map.entry("search", Intent.AVAILABILITY), Map.entry("loans", Intent.LOANS), Map.entry("renew", Intent.RENEW),
            Map.entry("info", Intent.INFO), Map.entry("hours", Intent.INFO), Map.entry("events", Intent.EVENTS),
            Map.entry("subscribe", Intent.SUBSCRIBE), Map.entry("unsubscribe", Intent.UNSUBSCRIBE),
            Map.entry("wish", Intent.WISH), Map.entry("feedback", Intent.FEEDBACK), Map.entry("human", Intent.HUMAN),
            Map.entry("card", Intent.LINK_CARD), Map.entry("link", Intent.LINK_CARD),
            Map.entry("forget", Intent.LINK_CARD));

    public Recognition recognize(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT).replace('ё', 'е');
        if (t.startsWith("/")) {
            String[] parts = t.substring(1).split("\\s+", 2);
            String command = parts[0].replaceAll("@.*$", "");
            Intent intent = COMMANDS.getOrDefault(command, Intent.UNKNOWN);
            return new Recognition(intent, parts.length > 1 ? extractQuery(parts[1]) : "");
        }
        if (t.contains("работ") || t.contains("открыт") || t.contains("адрес")) {
            return Recognition.of(Intent.INFO);
        }
        if (t.contains("есть ли")) {
            return new Recognition(Intent.AVAILABILITY, extractQuery(t.replace("есть ли у вас", "")));
        }
        return Recognition.of(Intent.UNKNOWN);
    }

    /** The book a reader names, without their filler words and punctuation. */
    public String extractQuery(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replace('ё', 'е').replaceAll("[^\\p{L}\\p{N} ]", "").strip();
    }
}
