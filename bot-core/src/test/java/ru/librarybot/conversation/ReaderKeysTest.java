package ru.librarybot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class ReaderKeysTest {

    private final byte[] secret = ReaderKeys.newSecret();

    @Test
    void aReaderKeepsTheirKeyAcrossRestartsAndNoPlatformIdShowsInIt() {
        String key = new ReaderKeys(secret).of(Channel.TELEGRAM, "123456789");

        assertThat(new ReaderKeys(secret).of(Channel.TELEGRAM, "123456789")).isEqualTo(key);
        assertThat(key).startsWith("telegram:").doesNotContain("123456789").hasSize("telegram:".length() + 32);
    }

    @Test
    void theSameIdOnAnotherChannelOrUnderAnotherSecretIsAnotherReader() {
        ReaderKeys keys = new ReaderKeys(secret);

        assertThat(List.of(keys.of(Channel.TELEGRAM, "42"), keys.of(Channel.VK, "42"),
                new ReaderKeys(ReaderKeys.newSecret()).of(Channel.TELEGRAM, "42"))).doesNotHaveDuplicates();
    }

    @Test
    void readersAnsweredAtOnceGetTheirOwnKeys() {
        ReaderKeys keys = new ReaderKeys(secret);
        Set<String> keysOfOneReader = ConcurrentHashMap.newKeySet();

        IntStream.range(0, 2_000).parallel().forEach(i -> {
            keysOfOneReader.add(keys.of(Channel.WEBCHAT, "same-reader"));
            keys.of(Channel.WEBCHAT, "reader-" + i);
        });

        assertThat(keysOfOneReader).hasSize(1);
    }
}
