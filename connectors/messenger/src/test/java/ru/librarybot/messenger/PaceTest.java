package ru.librarybot.messenger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class PaceTest {

    @Test
    void sendsUnderTheOverallLimitAreSpreadEvenlyNotReleasedInBursts() throws InterruptedException {
        Pace pace = new Pace(Pace.Limit.perSecond(10), null, null);
        List<Long> starts = new ArrayList<>();

        for (int i = 0; i < 15; i++) {
            pace.acquire("chat-" + i, false);
            starts.add(System.nanoTime());
        }

        for (int i = 1; i < starts.size(); i++) {
            // a tenth of a second apart, less a little for the clock's own granularity
            assertThat(starts.get(i) - starts.get(i - 1)).isGreaterThanOrEqualTo(95_000_000L);
        }
        for (int i = 10; i < starts.size(); i++) {
            assertThat(starts.get(i) - starts.get(i - 10)).isGreaterThanOrEqualTo(1_000_000_000L);
        }
    }

    @Test
    void aChatsOwnLimitKeepsItsMessagesApartWhileOtherChatsGoOn() throws InterruptedException {
        Pace pace = new Pace(Pace.Limit.perSecond(100), new Pace.Limit(1, java.time.Duration.ofMillis(300)), null);

        long first = System.nanoTime();
        pace.acquire("a", false);
        pace.acquire("b", false);
        long other = System.nanoTime();
        pace.acquire("a", false);
        long again = System.nanoTime();

        assertThat(other - first).isLessThan(200_000_000L);
        assertThat(again - first).isGreaterThanOrEqualTo(300_000_000L);
    }
}
