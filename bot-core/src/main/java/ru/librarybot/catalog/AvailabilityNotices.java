package ru.librarybot.catalog;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import ru.librarybot.conversation.Button;
import ru.librarybot.conversation.Intent;
import ru.librarybot.conversation.Reply;
import ru.librarybot.conversation.Texts;
import ru.librarybot.delivery.Delivery;
import ru.librarybot.library.LibraryProfile;

/** Tells a reader who asked to be told that a copy of their book is on the shelf again. */
@Component
class AvailabilityNotices {

    private static final Logger log = LoggerFactory.getLogger(AvailabilityNotices.class);

    private final Delivery delivery;
    private final Texts texts;
    private final LibraryProfile library;

    AvailabilityNotices(Delivery delivery, Texts texts, LibraryProfile library) {
        this.delivery = delivery;
        this.texts = texts;
        this.library = library;
    }

    @EventListener
    void on(TitleAvailableAgain available) {
        String branch = library.branchName(available.branchId());
        List<Button> buttons = new ArrayList<>();
        if (library.branch(available.branchId()).isPresent()) {
            buttons.add(Button.of(texts.get("button.catalog.where", branch), Intent.INFO, "branch:" + available.branchId()));
        }
        buttons.add(Button.of(texts.get("button.menu"), Intent.HELP));
        Reply notice = new Reply.Text(texts.get("catalog.notice.available", available.title(), branch), buttons);
        // one notice per reader and title: the watch is gone once it fired, a retry must not repeat it
        Delivery.Result result = delivery.toReader("available:" + available.titleId() + ":" + available.readerKey(),
                available.readerKey(), List.of(notice), "availability");
        if (result != Delivery.Result.QUEUED) {
            log.info("A book-is-back notice was not sent: {}", result);
        }
    }
}
