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
    void aProfileWithoutRenewalRulesGetsTwoRenewalsOfFourteenDays() {
        CirculationRules rules = LibraryProfileLoader.load("").circulation();

        assertThat(rules).isEqualTo(new CirculationRules(Period.ofDays(14), 2, false, 10));
    }

    @Test
    void theLibrarysRenewalRulesAreReadFromItsProfile() throws IOException {
        Path file = withCirculation("""
                  circulation:
                    loan-period: "21d"
                    max-renewals: 1
                    renew-reserved: true
                """);

        CirculationRules rules = LibraryProfileLoader.load(file.toString()).circulation();

        assertThat(rules).isEqualTo(new CirculationRules(Period.ofDays(21), 1, true, 10));
    }

    @Test
    void aRenewalPeriodOfZeroDaysIsRefusedNamingTheField() throws IOException {
        Path file = withCirculation("""
                  circulation:
                    loan-period: "0d"
                """);

        assertThatThrownBy(() -> LibraryProfileLoader.load(file.toString()))
                .isInstanceOf(InvalidLibraryProfileException.class).hasMessageContaining("circulation.loan-period");
    }

    private Path withCirculation(String section) throws IOException {
        String demo = new ClassPathResource(LibraryProfileLoader.DEMO).getContentAsString(StandardCharsets.UTF_8);
        Path file = folder.resolve("library.yml");
        Files.writeString(file, demo.replaceFirst("\n  branches:", "\n" + section + "\n  branches:"));
        return file;
    }
}
