package ru.librarybot.scheduling;

import ru.librarybot.testing.MemoryStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.TimeZone;

import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.librarybot.analytics.Interaction;
import ru.librarybot.analytics.InteractionLog;

/** The purge as Quartz runs it in the application: scheduled at night, built by Spring, under its lock. */
@SpringBootTest(classes = InteractionLogPurgeJobTest.Wiring.class, properties = "librarybot.interaction-log.retention=30d")
class InteractionLogPurgeJobTest {

    private static MongoServer server;

    @Autowired
    Scheduler scheduler;
    @Autowired
    MongoTemplate mongo;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry properties) {
        server = MemoryStore.serve(properties);
    }

    @AfterAll
    static void stopStore() {
        server.shutdownNow();
    }

    @Test
    void isScheduledAtNightInTheLibrarysTimeZone() throws Exception {
        CronTrigger trigger = (CronTrigger) scheduler.getTrigger(TriggerKey.triggerKey("interaction-log-purge"));

        assertThat(trigger.getCronExpression()).isEqualTo("0 40 3 * * ?");
        assertThat(trigger.getTimeZone()).isEqualTo(TimeZone.getTimeZone("Europe/Moscow"));
        assertThat(trigger.getJobKey()).isEqualTo(JobKey.jobKey("interaction-log-purge"));
    }

    @Test
    void deletesMessagesPastTheRetentionWhenItRuns() throws Exception {
        Instant now = Instant.now();
        mongo.insert(logged(now.minus(Duration.ofDays(31)), "старое"), Interaction.COLLECTION);
        mongo.insert(logged(now.minus(Duration.ofDays(29)), "свежее"), Interaction.COLLECTION);

        scheduler.triggerJob(JobKey.jobKey("interaction-log-purge"));

        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.count(new Query(), Interaction.COLLECTION) == 1);
        assertThat(mongo.findAll(Document.class, Interaction.COLLECTION))
                .extracting(d -> d.getString("text")).containsExactly("свежее");
        assertThat(mongo.findById("interaction-log-purge", Document.class, "shedLock")).isNotNull();
    }

    private static Document logged(Instant at, String text) {
        return new Document("_id", new ObjectId(Date.from(at))).append("time", Date.from(at))
                .append("channel", "webchat").append("readerKey", "webchat:0123456789abcdef")
                .append("direction", "IN").append("text", text).append("intent", "HELP");
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @ComponentScan(basePackageClasses = {SchedulingConfiguration.class, InteractionLog.class},
            excludeFilters = {@ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
                    // the circulation jobs need the whole bot; DueDateRemindersTest wires them
                    @ComponentScan.Filter(type = FilterType.REGEX,
                            pattern = "ru\\.librarybot\\.scheduling\\.(reminders|circulation)\\..*")})
    static class Wiring {

        @Bean
        ZoneId libraryZone() {
            return ZoneId.of("Europe/Moscow");
        }

        @Bean
        Clock clock() {
            return Clock.system(ZoneId.of("Europe/Moscow"));
        }
    }
}
