package ru.librarybot.library;

import java.time.ZoneId;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LibraryConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LibraryConfiguration.class);

    /** The profile from LIBRARYBOT_LIBRARY_PROFILE (a YAML file), or the demo library when unset. */
    @Bean
    LibraryProfile libraryProfile(@Value("${librarybot.library-profile:}") String location) {
        LibraryProfile profile = LibraryProfileLoader.load(location);
        log.info("Library profile: {} with {} branches, time zone {}{}", profile.shortName(), profile.branches().size(),
                profile.zone(), location.isBlank() ? " (the demo library: set LIBRARYBOT_LIBRARY_PROFILE)" : "");
        return profile;
    }

    /** Where "today" is for every capability: statistics days, reminders, quiet hours. */
    @Bean
    ZoneId libraryZone(LibraryProfile libraryProfile) {
        return libraryProfile.zone();
    }
}
