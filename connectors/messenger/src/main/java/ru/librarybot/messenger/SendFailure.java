package ru.librarybot.messenger;

import java.time.Duration;

/** Why a platform did not take a message, sorted by what the outbox does about it. */
public abstract sealed class SendFailure extends Exception {

    private SendFailure(String reason, Throwable cause) {
        super(reason, cause, false, false);
    }

    /** The platform asks us to send less (Telegram 429, VK errors 6 and 9): wait, then try again. */
    public static final class SlowDown extends SendFailure {
        private final Duration retryAfter;

        public SlowDown(Duration retryAfter, String reason) {
            super(reason, null);
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    /** A server error or a timeout: worth retrying with growing pauses. */
    public static final class Transient extends SendFailure {
        public Transient(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    /** The reader blocked the bot or refused its messages: do not write to them until they write again. */
    public static final class Blocked extends SendFailure {
        public Blocked(String reason) {
            super(reason, null);
        }
    }

    /** The platform refused this very message; sending it again would be refused again. */
    public static final class Rejected extends SendFailure {
        public Rejected(String reason) {
            super(reason, null);
        }
    }
}
