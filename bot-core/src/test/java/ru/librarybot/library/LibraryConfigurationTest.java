package ru.librarybot.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class LibraryConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(LibraryConfiguration.class);

    @TempDir
    Path folder;

    @Test
    void theDemoLibraryServesUntilOneIsConfigured() {
        context.run(app -> assertThat(app.getBean(LibraryProfile.class).shortName())
                .isEqualTo("Библиотеки Верхнеозёрска"));
    }

    @Test
    void theConfiguredProfileFileIsUsed() throws IOException {
        Path file = Files.writeString(folder.resolve("our-library.yml"), LibraryProfileLoaderTest.demo()
                .replace("Библиотеки Верхнеозёрска", "Библиотеки Заозёрья"));

        context.withPropertyValues("librarybot.library-profile=" + file)
                .run(app -> assertThat(app.getBean(LibraryProfile.class).shortName()).isEqualTo("Библиотеки Заозёрья"));
    }

    @Test
    void aBrokenProfileStopsTheStartWithTheFieldNamed() throws IOException {
        Path file = Files.writeString(folder.resolve("our-library.yml"), LibraryProfileLoaderTest.demo()
                .replace("Europe/Moscow", "Moscow"));

        context.withPropertyValues("librarybot.library-profile=" + file)
                .run(app -> assertThat(app).getFailure()
                        .hasMessageContaining("The library profile file [" + file)
                        .hasMessageContaining("library.zone = 'Moscow'"));
    }
}
