package ru.librarybot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ru.librarybot.testing.MemoryStore;

class DialogsTest {

    private static final Instant ASKED = Instant.parse("2026-11-21T10:00:00Z");

    private final MemoryStore store = MemoryStore.start();
    private final DialogRepository repository = store.repository(DialogRepository.class);

    @AfterEach
    void stopStore() {
        store.close();
    }

    @Test
    void aQuestionKeptInMemoryIsInTheStoreForTheNextStart() {
        Dialogs running = new Dialogs(repository, true);
        running.of("reader");
        running.save(Dialog.start("reader").after(Awaiting.CARD_NUMBER, ASKED));

        assertThat(running.of("reader").awaiting()).isEqualTo(Awaiting.CARD_NUMBER);
        assertThat(new Dialogs(repository, true).of("reader").awaiting()).isEqualTo(Awaiting.CARD_NUMBER);
    }

    @Test
    void aForgottenReadersQuestionIsGoneFromMemoryAndStore() {
        Dialogs running = new Dialogs(repository, true);
        running.save(Dialog.start("reader").after(Awaiting.CARD_CHECK, ASKED));

        running.forget("reader", ASKED.plusSeconds(30));

        assertThat(running.of("reader").awaiting()).isNull();
        assertThat(repository.findById("reader")).isEmpty();
    }

    @Test
    void aQuestionAskedAfterTheForgetRequestWasAnsweredStays() {
        Dialogs running = new Dialogs(repository, true);
        running.save(Dialog.start("reader").after(Awaiting.BOOK_QUERY, ASKED.plusSeconds(60)));

        running.forget("reader", ASKED.plusSeconds(30));

        assertThat(running.of("reader").awaiting()).isEqualTo(Awaiting.BOOK_QUERY);
    }

    @Test
    void withAnotherWriterOfTheStoreEveryMessageReadsTheStore() {
        Dialogs here = new Dialogs(repository, false);
        here.of("reader");

        new Dialogs(repository, false).save(Dialog.start("reader").after(Awaiting.CARD_NUMBER, ASKED));

        assertThat(here.of("reader").awaiting()).isEqualTo(Awaiting.CARD_NUMBER);
    }

    @Test
    void moreReadersThanRememberedAreStillAnsweredFromTheStore() {
        Dialogs running = new Dialogs(repository, true);
        running.save(Dialog.start("asked").after(Awaiting.CARD_NUMBER, ASKED));
        for (int i = 0; i <= Dialogs.REMEMBERED; i++) {
            running.of("reader-" + i);
        }

        assertThat(running.of("asked").awaiting()).isEqualTo(Awaiting.CARD_NUMBER);
    }
}
