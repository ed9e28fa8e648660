package ru.librarybot.library;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * Reads the library profile from YAML under the root key {@code library:} and refuses a broken one with a message
 * that names the field, so a librarian's typo stops the start-up instead of misleading readers.
 */
public final class LibraryProfileLoader {

    /** The demo library, used until a library configures its own file. */
    public static final String DEMO = "library/demo-library.yml";

    private static final String ROOT = "library";

    private LibraryProfileLoader() {
    }

    /** @param location a file path, "classpath:..." or blank for the demo profile */
    public static LibraryProfile load(String location) {
        Resource resource = resource(location);
        String where = resource.getDescription();
        if (!resource.exists()) {
            throw new InvalidLibraryProfileException("The library profile " + where
                    + " does not exist (check librarybot.library-profile / LIBRARYBOT_LIBRARY_PROFILE)", null);
        }
        List<PropertySource<?>> sources;
        try {
            sources = new YamlPropertySourceLoader().load(where, resource);
        } catch (IOException | RuntimeException e) {
            throw new InvalidLibraryProfileException("The library profile " + where + " is not valid YAML: "
                    + e.getMessage(), e);
        }
        Binder binder = new Binder(ConfigurationPropertySources.from(sources), null, conversions());
        try {
            return binder.bind(ROOT, Bindable.of(LibraryProfile.class), new NoUnboundElementsBindHandler(BindHandler.DEFAULT))
                    .orElseThrow(() -> new InvalidLibraryProfileException(
                            "The library profile " + where + " has no '" + ROOT + ":' section", null));
        } catch (BindException e) {
            throw new InvalidLibraryProfileException("The library profile " + where + " is wrong at " + explain(e), e);
        }
    }

    private static Resource resource(String location) {
        if (location == null || location.isBlank()) {
            return new ClassPathResource(DEMO);
        }
        String path = location.strip();
        return path.startsWith("classpath:")
                ? new ClassPathResource(path.substring("classpath:".length()))
                : new FileSystemResource(path);
    }

    private static ApplicationConversionService conversions() {
        ApplicationConversionService conversions = new ApplicationConversionService();
        conversions.addConverter(String.class, TimeRange.class, TimeRange::parse);
        conversions.addConverter(String.class, SanitaryDay.class, SanitaryDay::parse);
        conversions.addConverter(String.class, LocalDate.class, text -> LocalDate.parse(text.strip()));
        return conversions;
    }

    /** "library.branches[0].hours.saturday = '25:00-19:00': ... (line 12)". */
    private static String explain(BindException e) {
        if (e.getCause() instanceof UnboundConfigurationPropertiesException unbound) {
            return unbound.getUnboundProperties().stream()
                    .map(p -> p.getName() + describeOrigin(p))
                    .collect(Collectors.joining(", ")) + ": unknown field (a typo?)";
        }
        StringBuilder text = new StringBuilder(e.getName().toString());
        ConfigurationProperty property = e.getProperty();
        // the binder may report the last property it read rather than the one that failed
        if (property != null && !property.getName().equals(e.getName())) {
            property = null;
        }
        if (property != null) {
            text.append(" = '").append(property.getValue()).append("'");
        }
        text.append(": ").append(deepestMessage(e));
        if (property != null) {
            text.append(describeOrigin(property));
        }
        return text.toString();
    }

    private static String describeOrigin(ConfigurationProperty property) {
        return property.getOrigin() == null ? "" : " (" + property.getOrigin() + ")";
    }

    private static String deepestMessage(Throwable error) {
        String message = error.getMessage();
        for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null) {
                message = cause.getMessage();
            }
        }
        String unknownDay = "No enum constant " + DayOfWeek.class.getName() + ".";
        return message.startsWith(unknownDay) ? "'" + message.substring(unknownDay.length())
                + "' is not a weekday (monday, tuesday, wednesday, thursday, friday, saturday, sunday)" : message;
    }
}
