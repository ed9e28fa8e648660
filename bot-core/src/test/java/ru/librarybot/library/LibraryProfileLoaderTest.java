package ru.librarybot.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;

class LibraryProfileLoaderTest {

    @TempDir
    Path folder;

    @Test
    void loadsTheDemoProfileFromTheClasspathByDefault() {
        LibraryProfile profile = LibraryProfileLoader.load("");

        assertThat(profile.zone()).isEqualTo(ZoneId.of("Europe/Moscow"));
        assertThat(profile.branches()).extracting(Branch::id).containsExactly("central", "children", "branch-3");
        Branch central = profile.branch("central").orElseThrow();
        assertThat(central.hours().get(DayOfWeek.SATURDAY)).isEqualTo(TimeRange.parse("10:00-18:00"));
        assertThat(central.hours()).doesNotContainKey(DayOfWeek.SUNDAY);
        assertThat(central.sanitaryDay()).isEqualTo(new SanitaryDay(SanitaryDay.Week.LAST, DayOfWeek.FRIDAY));
        assertThat(profile.branch("branch-3").orElseThrow().lunchBreak()).isEqualTo(TimeRange.parse("14:00-15:00"));
        assertThat(profile.holidays()).filteredOn(h -> h.date().equals(LocalDate.of(2026, 11, 4)))
                .singleElement().satisfies(h -> {
                    assertThat(h.closed()).isTrue();
                    assertThat(h.note()).isEqualTo("День народного единства");
                });
        assertThat(profile.holidays()).filteredOn(h -> h.date().equals(LocalDate.of(2027, 12, 31)))
                .singleElement().extracting(DateException::hours).isEqualTo(TimeRange.parse("10:00-16:00"));
        assertThat(profile.registration()).contains("паспорт");
        assertThat(profile.prices()).isNotEmpty();
        assertThat(profile.faq()).hasSizeBetween(6, 10);
    }

    @Test
    void loadsAProfileFromTheConfiguredFile() throws IOException {
        Path file = write(demo().replace("Europe/Moscow", "Asia/Irkutsk")
                .replace("Библиотеки Верхнеозёрска", "Библиотеки Ангарского края"));

        LibraryProfile profile = LibraryProfileLoader.load(file.toString());

        assertThat(profile.zone()).isEqualTo(ZoneId.of("Asia/Irkutsk"));
        assertThat(profile.shortName()).isEqualTo("Библиотеки Ангарского края");
    }

    @Test
    void refusesHoursThatDoNotExistNamingTheField() throws IOException {
        Path file = write(demo().replaceFirst("saturday: \"10:00-18:00\"", "saturday: \"25:00-19:00\""));

        assertThatThrownBy(() -> LibraryProfileLoader.load(file.toString()))
                .isInstanceOf(InvalidLibraryProfileException.class)
                .hasMessageContaining(file.getFileName().toString())
                .hasMessageContaining("library.branches[0].hours.saturday")
                .hasMessageContaining("25:00-19:00");
    }

    @Test
    void refusesADayOffWrittenAsHoursExplainingWhatToDo() throws IOException {
        Path file = write(demo().replaceFirst("sunday: \"10:00-17:00\"", "sunday: \"\""));

        assertThatThrownBy(() -> LibraryProfileLoader.load(file.toString()))
                .hasMessageContaining("library.branches[1].hours.sunday")
                .hasMessageContaining("for a day off, leave the day out");
    }

    @Test
    void refusesAnUnknownTimeZone() throws IOException {
        Path file = write(demo().replace("Europe/Moscow", "Europe/Moskow"));

        assertThatThrownBy(() -> LibraryProfileLoader.load(file.toString()))
                .hasMessageContaining("library.zone")
                .hasMessageContaining("Europe/Moskow");
    }

    @Test
    void refusesABranchWithoutAnId() throws IOException {
        Path file = write(demo().replace("- id: children\n      name:", "- name:"));

        assertThatThrownBy(() -> LibraryProfileLoader.load(file.toString()))
                .hasMessageContaining("library.branches[1]")
                .hasMessageContaining("id is missing");
    }

    @Test
    void refusesAMisspelledField() throws IOException {
        Path file = write(demo().replaceFirst("directions:", "direction:"));

        assertThatThrownBy(() -> LibraryProfileLoader.load(file.toString()))
                .hasMessageContaining("library.branches[0].direction")
                .hasMessageContaining("unknown field");
    }

    @Test
    void refusesAHolidayThatIsNeitherClosedNorShortened() throws IOException {
        Path file = write(demo().replace("{ date: \"2026-11-04\", closed: true, note: \"День народного единства\" }",
                "{ date: \"2026-11-04\", note: \"День народного единства\" }"));

        assertThatThrownBy(() -> LibraryProfileLoader.load(file.toString()))
                .hasMessageContaining("library.holidays[13]")
                .hasMessageContaining("closed: true");
    }

    @Test
    void refusesAnUnreadableSanitaryDay() throws IOException {
        Path file = write(demo().replaceFirst("sanitary-day: \"last friday\"", "sanitary-day: \"последняя пятница\""));

        assertThatThrownBy(() -> LibraryProfileLoader.load(file.toString()))
                .hasMessageContaining("library.branches[0].sanitary-day")
                .hasMessageContaining("last friday");
    }

    @Test
    void refusesAMissingFileNamingTheSetting() {
        assertThatThrownBy(() -> LibraryProfileLoader.load(folder.resolve("nowhere.yml").toString()))
                .hasMessageContaining("nowhere.yml")
                .hasMessageContaining("LIBRARYBOT_LIBRARY_PROFILE");
    }

    @Test
    void refusesBrokenYaml() throws IOException {
        Path file = write("library:\n  name: \"unclosed\n  zone: [\n");

        assertThatThrownBy(() -> LibraryProfileLoader.load(file.toString()))
                .isInstanceOf(InvalidLibraryProfileException.class)
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void refusesAFileWithoutTheLibrarySection() throws IOException {
        Path file = write("name: Библиотека\n");

        assertThatThrownBy(() -> LibraryProfileLoader.load(file.toString()))
                .hasMessageContaining("no 'library:' section");
    }

    static String demo() {
        try {
            return new ClassPathResource(LibraryProfileLoader.DEMO).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(folder.resolve("library.yml"), yaml);
    }
}
