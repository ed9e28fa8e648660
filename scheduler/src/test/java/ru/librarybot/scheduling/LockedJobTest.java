package ru.librarybot.scheduling;

import ru.librarybot.testing.MemoryStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.MongoClient;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.JobExecutionException;

/** ShedLock's Mongo provider against mongo-java-server, as two bot instances sharing one store. */
class LockedJobTest {

    private final MemoryStore store = MemoryStore.start();
    private final MongoClient first = store.newClient();
    private final MongoClient second = store.newClient();
    private final LockingTaskExecutor firstInstance = locksOf(first);
    private final LockingTaskExecutor secondInstance = locksOf(second);
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        threads.shutdownNow();
        first.close();
        second.close();
        store.close();
    }

    @Test
    void runsOnOneInstanceWhileTheOtherFiresTheSameJob() throws Exception {
        JobLock lock = new JobLock("nightly", Duration.ofMinutes(10), Duration.ZERO);
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> holder = threads.submit(() -> {
            new CountingJob(firstInstance, lock, runs, () -> {
                running.countDown();
                release.await(30, TimeUnit.SECONDS);
            }).execute(null);
            return null;
        });
        assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();

        new CountingJob(secondInstance, lock, runs, () -> { }).execute(null);

        assertThat(runs).hasValue(1);
        release.countDown();
        holder.get(30, TimeUnit.SECONDS);
        assertThat(first.getDatabase("test").getCollection("shedLock").find(new Document("_id", "nightly")).first())
                .isNotNull();
    }

    @Test
    void runsOnceWhenTwoInstancesFireAtTheSameMoment() throws Exception {
        for (int round = 0; round < 20; round++) {
            JobLock lock = new JobLock("race-" + round, Duration.ofMinutes(10), Duration.ZERO);
            AtomicInteger runs = new AtomicInteger();
            CountDownLatch oneFinished = new CountDownLatch(1);
            CyclicBarrier together = new CyclicBarrier(2);
            // the running job holds the lock until the other instance has given up, so the runs overlap
            Work holdUntilTheOtherIsDone = () -> oneFinished.await(5, TimeUnit.SECONDS);
            Future<?> a = threads.submit(() -> fire(together, new CountingJob(firstInstance, lock, runs,
                    holdUntilTheOtherIsDone), oneFinished));
            Future<?> b = threads.submit(() -> fire(together, new CountingJob(secondInstance, lock, runs,
                    holdUntilTheOtherIsDone), oneFinished));
            a.get(30, TimeUnit.SECONDS);
            b.get(30, TimeUnit.SECONDS);

            assertThat(runs).as("runs in round %d", round).hasValue(1);
        }
    }

    @Test
    void runsAgainOnceTheLockIsReleased() throws Exception {
        JobLock lock = new JobLock("reminders", Duration.ofMinutes(10), Duration.ZERO);
        AtomicInteger runs = new AtomicInteger();

        new CountingJob(firstInstance, lock, runs, () -> { }).execute(null);
        new CountingJob(secondInstance, lock, runs, () -> { }).execute(null);

        assertThat(runs).hasValue(2);
    }

    @Test
    void skipsARunInsideTheLocksMinimumHoldingTime() throws Exception {
        JobLock lock = new JobLock("purge", Duration.ofMinutes(10), Duration.ofMinutes(5));
        AtomicInteger runs = new AtomicInteger();

        new CountingJob(firstInstance, lock, runs, () -> { }).execute(null);
        new CountingJob(secondInstance, lock, runs, () -> { }).execute(null);

        assertThat(runs).hasValue(1);
    }

    @Test
    void reportsAFailedRunToQuartzAndFreesTheLock() throws Exception {
        JobLock lock = new JobLock("broadcast", Duration.ofMinutes(10), Duration.ZERO);
        AtomicInteger runs = new AtomicInteger();

        assertThatExceptionOfType(JobExecutionException.class)
                .isThrownBy(() -> new CountingJob(firstInstance, lock, runs, () -> {
                    throw new IllegalStateException("the store went away");
                }).execute(null))
                .withMessageContaining("broadcast");
        new CountingJob(secondInstance, lock, runs, () -> { }).execute(null);

        assertThat(runs).hasValue(2);
    }

    @Test
    void refusesALockHeldLongerAtLeastThanAtMost() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new JobLock("x", Duration.ofMinutes(1), Duration.ofMinutes(2)));
    }

    private static Void fire(CyclicBarrier together, LockedJob job, CountDownLatch oneFinished) throws Exception {
        together.await(30, TimeUnit.SECONDS);
        try {
            job.execute(null);
        } finally {
            oneFinished.countDown();
        }
        return null;
    }

    private static LockingTaskExecutor locksOf(MongoClient client) {
        return new DefaultLockingTaskExecutor(new MongoLockProvider(client.getDatabase("test")));
    }

    private interface Work {
        void run() throws Exception;
    }

    private static final class CountingJob extends LockedJob {

        private final AtomicInteger runs;
        private final Work work;

        CountingJob(LockingTaskExecutor locks, JobLock lock, AtomicInteger runs, Work work) {
            super(locks, lock);
            this.runs = runs;
            this.work = work;
        }

        @Override
        protected void runLocked() throws Exception {
            runs.incrementAndGet();
            work.run();
        }
    }
}
