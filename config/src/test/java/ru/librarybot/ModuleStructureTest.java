package ru.librarybot;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModuleStructureTest {

    @Test
    void capabilitiesDependOnlyOnEachOthersPublicTypesAndFormNoCycles() {
        ApplicationModules.of(LibrarybotApplication.class).verify();
    }
}
