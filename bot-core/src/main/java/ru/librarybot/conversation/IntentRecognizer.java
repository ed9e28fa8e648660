package ru.librarybot.conversation;

import static ru.librarybot.conversation.Intent.AVAILABILITY;
import static ru.librarybot.conversation.Intent.EVENTS;
import static ru.librarybot.conversation.Intent.FEEDBACK;
import static ru.librarybot.conversation.Intent.HELP;
import static ru.librarybot.conversation.Intent.HUMAN;
import static ru.librarybot.conversation.Intent.INFO;
import static ru.librarybot.conversation.Intent.LINK_CARD;
import static ru.librarybot.conversation.Intent.LOANS;
import static ru.librarybot.conversation.Intent.RENEW;
import static ru.librarybot.conversation.Intent.SUBSCRIBE;
import static ru.librarybot.conversation.Intent.UNKNOWN;
import static ru.librarybot.conversation.Intent.UNSUBSCRIBE;
import static ru.librarybot.conversation.Intent.WISH;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Reads what a reader wants from Russian free text and bot commands. Free text is scored against a lexicon of
 * word stems, forgiving one typo in longer words, Latin look-alike letters and ё; greetings alone mean HELP.
 */
@Component
public class IntentRecognizer {

    /** The least score that counts as understanding; below it the reader gets the menu rather than a guess. */
    private static final double THRESHOLD = 1.5;
    // a title in quotes alone is a search: readers quote book titles, rarely anything else
    private static final double QUOTED_TITLE_WEIGHT = 1.5;

    // on a tie the narrower intent wins: "отменить подписку" is about the subscription, not the menu
    private static final List<Intent> TIE_ORDER = List.of(UNSUBSCRIBE, SUBSCRIBE, RENEW, LINK_CARD, LOANS, WISH,
            FEEDBACK, HUMAN, EVENTS, INFO, AVAILABILITY, HELP);

    private static final Map<String, Intent> COMMANDS = Map.ofEntries(
            Map.entry("start", HELP), Map.entry("help", HELP), Map.entry("menu", HELP),
            Map.entry("search", AVAILABILITY), Map.entry("loans", LOANS), Map.entry("renew", RENEW),
            Map.entry("info", INFO), Map.entry("hours", INFO), Map.entry("events", EVENTS),
            Map.entry("subscribe", SUBSCRIBE), Map.entry("unsubscribe", UNSUBSCRIBE),
            Map.entry("wish", WISH), Map.entry("feedback", FEEDBACK), Map.entry("human", HUMAN),
            Map.entry("card", LINK_CARD), Map.entry("link", LINK_CARD), Map.entry("forget", LINK_CARD));

    private static final Pattern QUOTED = Pattern.compile("[«„“\"][^«»„“”\"\\p{L}]*+\\p{L}[^«»„“”\"]*+[»“”\"]");
    private static final Pattern COMMAND = Pattern.compile("/(\\p{Alnum}+)(?:@\\S*)?\\s*(.*)", Pattern.DOTALL);

    public Recognition recognize(String text) {
        String normalized = ReaderText.normalize(text);
        var command = COMMAND.matcher(normalized);
        if (command.matches()) {
            Intent intent = COMMANDS.getOrDefault(command.group(1), UNKNOWN);
            return withQuery(intent, command.group(2));
        }
        List<String> words = ReaderText.words(normalized);
        IntentLexicon.Reading reading = IntentLexicon.read(words);
        Map<Intent, Double> scores = new EnumMap<>(reading.scores());
        if (QUOTED.matcher(normalized).find()) {
            scores.merge(AVAILABILITY, QUOTED_TITLE_WEIGHT, Double::sum);
        }
        Intent intent = best(scores);
        if (intent == UNKNOWN && reading.greets()) {
            intent = HELP;
        }
        return withQuery(intent, normalized);
    }

    /** Whether the reader's words ask for a book at all, whatever else they may seem to ask. */
    public boolean asksForABook(String text) {
        IntentLexicon.Reading reading = IntentLexicon.read(ReaderText.words(ReaderText.normalize(text)));
        return reading.scores().getOrDefault(AVAILABILITY, 0.0) >= THRESHOLD;
    }

    /** The book a reader names, without their filler words, punctuation and emoji; empty when none is named. */
    public String extractQuery(String text) {
        String normalized = ReaderText.normalize(text);
        var command = COMMAND.matcher(normalized);
        return BookQuery.of(command.matches() ? command.group(2) : normalized);
    }

    // only a book is carried as the query: card numbers and PINs stay in the reader's text, out of the logs
    private static Recognition withQuery(Intent intent, String normalized) {
        return intent == AVAILABILITY || intent == WISH
                ? new Recognition(intent, BookQuery.of(normalized)) : Recognition.of(intent);
    }

    private static Intent best(Map<Intent, Double> scores) {
        Intent best = UNKNOWN;
        double top = THRESHOLD - 1e-9;
        for (Intent intent : TIE_ORDER) {
            double score = scores.getOrDefault(intent, 0.0);
            if (score > top) {
                best = intent;
                top = score;
            }
        }
        return best;
    }
}
