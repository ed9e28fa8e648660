package ru.librarybot;

import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModuleStructureTest {

    /** Other modules' test fixtures are on this classpath (as test-classes or test-jars) but not in the application. */
    private static final ImportOption APPLICATION_ONLY = location ->
            new ImportOption.DoNotIncludeTests().includes(location) && !location.contains("-tests.jar");

    @Test
    void capabilitiesDependOnlyOnEachOthersPublicTypesAndFormNoCycles() {
        ApplicationModules.of(LibrarybotApplication.class, APPLICATION_ONLY).verify();
    }
}
