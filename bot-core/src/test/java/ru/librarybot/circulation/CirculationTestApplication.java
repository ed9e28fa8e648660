package ru.librarybot.circulation;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;

import ru.librarybot.conversation.Channel;
import ru.librarybot.delivery.ChannelSender;
import ru.librarybot.delivery.Outgoing;

/**
 * The engine with every bot-core capability on an in-memory store, a clock tests move, and Telegram and VK
 * senders that keep what they were given. Its profile keeps it out of applications that scan this package from
 * the test jar.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@AutoConfigurationPackage(basePackages = "ru.librarybot")
// like @SpringBootApplication: other tests' own configurations stay out
@ComponentScan(basePackages = "ru.librarybot", excludeFilters = {
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class)})
@Profile(CirculationTestApplication.PROFILE)
public class CirculationTestApplication {

    public static final String PROFILE = "circulation-test";

    public static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    /** A Monday, 10:00 in the library. */
    public static final ZonedDateTime START = ZonedDateTime.of(2026, 11, 23, 10, 0, 0, 0, MOSCOW);


    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock(START.toInstant(), MOSCOW);
    }

    @Bean
    Sent sent() {
        return new Sent();
    }

    @Bean
    ChannelSender telegram(Sent sent) {
        return sent.sender(Channel.TELEGRAM);
    }

    @Bean
    ChannelSender vk(Sent sent) {
        return sent.sender(Channel.VK);
    }

    /** What the library sent through the channels. */
    public static final class Sent {
        public final List<Outgoing> messages = new CopyOnWriteArrayList<>();

        ChannelSender sender(Channel channel) {
            return new ChannelSender() {
                public Channel channel() {
                    return channel;
                }

                public void send(Outgoing message) {
                    messages.add(message);
                }
            };
        }
    }
}
