package ru.librarybot.scheduling.reminders.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import ru.librarybot.scheduling.reminders.ReminderRuns;
import ru.librarybot.scheduling.reminders.Reminders;

/**
 * Lets a librarian send today's due-date reminders now, e.g. after loading a new export: readers reminded today
 * are not reminded twice; readers who linked their card since the last run get theirs.
 */
@RestController
class RemindersAdminController {

    private final ReminderRuns runs;

    RemindersAdminController(ReminderRuns runs) {
        this.runs = runs;
    }

    @PostMapping("/api/admin/reminders/run")
    ResponseEntity<Map<String, Object>> run() {
        return runs.runNow().<ResponseEntity<Map<String, Object>>>map(report -> ResponseEntity.ok(body(report)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error",
                        "It is night in the library (quiet hours, librarybot.reminders.quiet-from/-until): "
                                + "reminders go in the morning")));
    }

    private static Map<String, Object> body(Reminders.Report report) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("readersWithLoansDue", report.readersWithLoansDue());
        body.put("queued", report.queued());
        body.put("sentBefore", report.alreadySent());
        body.put("undeliverable", report.undelivered());
        return body;
    }
}
