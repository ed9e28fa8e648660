package ru.librarybot.messenger;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PollingLoopTest {

    private final ScriptedLoop loop = new ScriptedLoop();

    @AfterEach
    void stopLoop() {
        loop.stop();
    }

    @Test
    void pausesLongerAfterEachFailureInARowAndStartsOverAfterASuccess() {
        loop.script.addAll(List.of("renew", "fail", "fail", "ok", "fail"));
        loop.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> loop.pauses.size() == 4);
        // a renewed session is no failure: the first real one still pauses a second
        assertThat(loop.pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(1));
        assertThat(loop.begun).isEqualTo(1);
    }

    /** A platform whose polls go as scripted: "ok", "fail", or "renew" for a session that only needs renewing. */
    private static final class ScriptedLoop extends PollingLoop {
        final Deque<String> script = new ArrayDeque<>();
        final List<Duration> pauses = new CopyOnWriteArrayList<>();
        volatile int begun;

        ScriptedLoop() {
            super("scripted-polling");
        }

        @Override
        protected void begin() {
            begun++;
        }

        @Override
        protected void pollOnce() throws Exception {
            String next = script.poll();
            if (next == null) {
                Thread.sleep(50);
            } else if (!next.equals("ok")) {
                throw new Exception(next);
            }
        }

        @Override
        protected boolean recover(Exception failure, Duration pause) {
            pauses.add(pause);
            return !failure.getMessage().equals("renew");
        }
    }
}
