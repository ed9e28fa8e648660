package ru.librarybot.circulation;

import ru.librarybot.testing.MemoryStore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReadersTest {

    private MemoryStore store;
    private final CardVault vault = new CardVault(CardVault.newKey());
    private Readers readers;

    @BeforeEach
    void start() {
        store = MemoryStore.start();
        readers = new Readers(store.template(), vault, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        store.close();
    }

    @Test
    void readersOfManyCardsAreTheSameWhetherLookedUpByKeyOrReadInOnePass() {
        List<CardNumber> cards = IntStream.range(0, 20).mapToObj(i -> new CardNumber("60000" + (10 + i))).toList();
        cards.forEach(card -> readers.link("telegram:" + card.value(), card));
        Set<String> two = keys(cards.subList(0, 2));
        Set<String> fifteen = keys(cards.subList(0, 15));

        assertThat(readers.byCardKeys(two)).extracting(Reader::cardKey).containsExactlyInAnyOrderElementsOf(two);
        assertThat(readers.byCardKeys(fifteen)).extracting(Reader::cardKey).containsExactlyInAnyOrderElementsOf(fifteen);
        assertThat(readers.byCardKeys(Set.of(vault.lookupKey(new CardNumber("99999999"))))).isEmpty();
    }

    @Test
    void unlinkingTheLastAccountDeletesTheReaderAndTheirCard() {
        CardNumber card = new CardNumber("7000001");
        readers.link("telegram:a", card);
        readers.link("vk:b", card);

        readers.unlink("telegram:a");
        assertThat(readers.byReaderKey("vk:b")).get().extracting(Reader::readerKeys).isEqualTo(List.of("vk:b"));
        readers.unlink("vk:b");

        assertThat(readers.byCardKeys(keys(List.of(card)))).isEmpty();
        assertThat(readers.byReaderKey("vk:b")).isEmpty();
    }

    private Set<String> keys(List<CardNumber> cards) {
        return cards.stream().map(vault::lookupKey).collect(Collectors.toSet());
    }
}
