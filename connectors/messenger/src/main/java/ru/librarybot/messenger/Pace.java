package ru.librarybot.messenger;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Keeps one platform's sends under its published limits by waiting before a send rather than being refused:
 * sliding windows over the moments sends actually started, overall, per chat and per group chat. Overall sends are
 * also spread evenly over the period: a full window released at once arrives as a burst the platform counts
 * against the next window, and refuses.
 */
public final class Pace {

    private final Limit overall;
    private final Limit perChat;
    private final Limit perGroup;
    private final Window overallWindow;
    private final Map<String, Window> chatWindows = new HashMap<>();
    private final Map<String, Window> groupWindows = new HashMap<>();
    private final Map<String, Long> chatPausedUntil = new HashMap<>();
    private long pausedUntil;

    /**
     * @param perChat {@code null} where the platform sets no per-chat limit
     * @param perGroup {@code null} where group chats have no limit of their own
     */
    public Pace(Limit overall, Limit perChat, Limit perGroup) {
        this.overall = overall;
        this.perChat = perChat;
        this.perGroup = perGroup;
        this.overallWindow = new Window(overall, true);
    }

    /** At most {@code count} sends within any {@code per}. */
    public record Limit(int count, Duration per) {
        public Limit {
            if (count < 1 || per.isNegative() || per.isZero()) {
                throw new IllegalArgumentException("A limit needs a positive count and period");
            }
        }

        public static Limit perSecond(int count) {
            return new Limit(count, Duration.ofSeconds(1));
        }

        public static Limit perMinute(int count) {
            return new Limit(count, Duration.ofMinutes(1));
        }
    }

    /** Blocks until a send to this chat keeps every limit, and counts the send. */
    public void acquire(String chat, boolean group) throws InterruptedException {
        while (true) {
            long wait;
            synchronized (this) {
                long now = System.nanoTime();
                wait = Math.max(pausedUntil - now, chatPausedUntil.getOrDefault(chat, now) - now);
                wait = Math.max(wait, overallWindow.waitAt(now));
                Window chatWindow = perChat == null ? null : chatWindows.computeIfAbsent(chat, c -> new Window(perChat, false));
                Window groupWindow = group && perGroup != null
                        ? groupWindows.computeIfAbsent(chat, c -> new Window(perGroup, false)) : null;
                if (chatWindow != null) {
                    wait = Math.max(wait, chatWindow.waitAt(now));
                }
                if (groupWindow != null) {
                    wait = Math.max(wait, groupWindow.waitAt(now));
                }
                if (wait <= 0) {
                    overallWindow.record(now);
                    if (chatWindow != null) {
                        chatWindow.record(now);
                    }
                    if (groupWindow != null) {
                        groupWindow.record(now);
                    }
                    forgetIdleChats(now);
                    return;
                }
            }
            Thread.sleep(Duration.ofNanos(wait));
        }
    }

    /** The platform said "too many": nothing goes to this chat, nor anywhere, before it allows again. */
    public synchronized void slowDown(String chat, Duration retryAfter) {
        long until = System.nanoTime() + retryAfter.toNanos();
        pausedUntil = Math.max(pausedUntil, until);
        chatPausedUntil.merge(chat, until, Math::max);
    }

    private void forgetIdleChats(long now) {
        if (chatWindows.size() + groupWindows.size() + chatPausedUntil.size() < 10_000) {
            return;
        }
        chatWindows.values().removeIf(window -> window.idleAt(now));
        groupWindows.values().removeIf(window -> window.idleAt(now));
        chatPausedUntil.values().removeIf(until -> until < now);
    }

    /** The start moments of the last sends under one limit. */
    private static final class Window {
        private final int count;
        private final long period;
        private final long gap;
        private final ArrayDeque<Long> starts = new ArrayDeque<>();

        /** @param even whether sends keep {@code period / count} apart, not only {@code count} per period */
        Window(Limit limit, boolean even) {
            this.count = limit.count();
            this.period = limit.per().toNanos();
            this.gap = even ? period / count : 0;
        }

        long waitAt(long now) {
            Iterator<Long> oldest = starts.iterator();
            while (oldest.hasNext() && now - oldest.next() >= period) {
                oldest.remove();
            }
            long full = starts.size() < count ? 0 : starts.peekFirst() + period - now;
            long spaced = starts.isEmpty() ? 0 : starts.peekLast() + gap - now;
            return Math.max(full, spaced);
        }

        void record(long now) {
            starts.addLast(now);
        }

        boolean idleAt(long now) {
            return starts.isEmpty() || now - starts.peekLast() >= period;
        }
    }
}
