package ru.librarybot.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;

class CirculationRulesTest {

    @TempDir
    Path folder;

    @Test
    void theDemoLibraryRenewsTwiceForFourteenDaysButNotABookSomeoneReserved() {
        CirculationRules rules = LibraryProfileLoader.load("").circulation();

        assertThat(rules).isEqualTo(new CirculationRules(Period.ofDays(14), 2, false, 10));
    }

    @Test
    void aProfileWithoutRenewalRulesGetsTheDefaults() throws IOException {
        Path file = write(demo().replaceAll("(?s)\n  circulation:.*?max-overdue-days: 10\n", "\n"));

        LibraryProfile profile = LibraryProfileLoader.load(file.toString());

        assertThat(profile.circulation()).isEqualTo(CirculationRules.DEFAULT)
                .isEqualTo(new CirculationRules(Period.ofDays(14), 2, false, 10));
    }

    @Test
    void theLibrarysRenewalRulesAreReadFromItsProfile() throws IOException {
        Path file = write(demo().replace("loan-period: \"14d\"", "loan-period: \"21d\"")
                .replace("max-renewals: 2", "max-renewals: 1").replace("renew-reserved: false", "renew-reserved: true"));

        CirculationRules rules = LibraryProfileLoader.load(file.toString()).circulation();

        assertThat(rules).isEqualTo(new CirculationRules(Period.ofDays(21), 1, true, 10));
    }

    @Test
    void aRenewalPeriodOfZeroDaysIsRefusedNamingTheField() throws IOException {
        Path file = write(demo().replace("loan-period: \"14d\"", "loan-period: \"0d\""));

        assertThatThrownBy(() -> LibraryProfileLoader.load(file.toString()))
                .isInstanceOf(InvalidLibraryProfileException.class).hasMessageContaining("circulation.loan-period");
    }

    private static String demo() throws IOException {
        return new ClassPathResource(LibraryProfileLoader.DEMO).getContentAsString(StandardCharsets.UTF_8);
    }

    private Path write(String profile) throws IOException {
        Path file = folder.resolve("library.yml");
        Files.writeString(file, profile);
        return file;
    }
}
