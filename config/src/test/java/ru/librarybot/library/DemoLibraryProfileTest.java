package ru.librarybot.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** The demo profile shipped with the application is the one bot-core's tests answer from. */
class DemoLibraryProfileTest {

    @Test
    void theShippedDemoProfileLoads() {
        LibraryProfile profile = LibraryProfileLoader.load("");

        assertThat(profile.branches()).extracting(Branch::id).containsExactly("central", "children", "branch-3");
    }

    @Test
    void botCoreTestsUseAnExactCopyOfTheDemoProfile() throws IOException {
        String shipped = new ClassPathResource(LibraryProfileLoader.DEMO).getContentAsString(StandardCharsets.UTF_8);
        Path copy = Path.of("..", "bot-core", "src", "test", "resources", LibraryProfileLoader.DEMO);

        assertThat(Files.readString(copy)).isEqualTo(shipped);
    }
}
