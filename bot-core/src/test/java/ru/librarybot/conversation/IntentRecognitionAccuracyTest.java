package ru.librarybot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Measures the recognizer against reader messages labeled by hand (src/test/resources/intents). */
class IntentRecognitionAccuracyTest {

    private static final String SET = "/intents/reader-messages.tsv";

    private static List<Labeled> messages;
    private final IntentRecognizer recognizer = new IntentRecognizer();

    record Labeled(Intent intent, String query, String text) {
    }

    @BeforeAll
    static void load() throws IOException {
        messages = new ArrayList<>();
        try (var in = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(IntentRecognitionAccuracyTest.class.getResourceAsStream(SET), SET),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t", 3);
                messages.add(new Labeled(Intent.valueOf(columns[0]), columns[1], columns[2]));
            }
        }
    }

    @Test
    void labeledSetCoversEveryIntentWithEnoughExamples() {
        Map<Intent, Integer> perIntent = new EnumMap<>(Intent.class);
        messages.forEach(m -> perIntent.merge(m.intent(), 1, Integer::sum));

        assertThat(messages).hasSizeGreaterThanOrEqualTo(220);
        for (Intent intent : Intent.values()) {
            assertThat(perIntent.getOrDefault(intent, 0)).as(intent.name())
                    .isGreaterThanOrEqualTo(intent == Intent.UNKNOWN ? 15 : 10);
        }
    }

    @Test
    void recognizesAtLeast95PercentOfReaderMessages() {
        List<String> misses = new ArrayList<>();
        for (Labeled message : messages) {
            Intent got = recognizer.recognize(message.text()).intent();
            if (got != message.intent()) {
                misses.add(message.intent() + " → " + got + ": " + message.text());
            }
        }
        double accuracy = 1.0 - (double) misses.size() / messages.size();
        System.out.printf(Locale.ROOT, "Intent accuracy: %.3f (%d of %d)%n", accuracy,
                messages.size() - misses.size(), messages.size());
        misses.forEach(miss -> System.out.println("  intent miss " + miss));

        assertThat(accuracy).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void extractsTheNamedBookFromAtLeast90PercentOfSearchesAndWishes() {
        List<Labeled> withBooks = messages.stream()
                .filter(m -> m.intent() == Intent.AVAILABILITY || m.intent() == Intent.WISH).toList();
        List<String> misses = new ArrayList<>();
        for (Labeled message : withBooks) {
            String got = recognizer.recognize(message.text()).query();
            if (!comparable(got).equals(comparable(message.query()))) {
                misses.add("\"" + message.query() + "\" → \"" + got + "\": " + message.text());
            }
        }
        double exact = 1.0 - (double) misses.size() / withBooks.size();
        System.out.printf(Locale.ROOT, "Query exact match: %.3f (%d of %d)%n", exact,
                withBooks.size() - misses.size(), withBooks.size());
        misses.forEach(miss -> System.out.println("  query miss " + miss));

        assertThat(exact).isGreaterThanOrEqualTo(0.9);
    }

    private static String comparable(String query) {
        return query.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT).replace('ё', 'е');
    }
}
