package ru.librarybot.circulation.embedded;

import java.time.LocalDate;
import java.util.List;

import ru.librarybot.circulation.CardNumber;
import ru.librarybot.circulation.Loan;

/**
 * Readers and loans for trying the bot out, dated from the day they are loaded. Card 1000001 (PIN 1234, surname
 * Иванова) has one loan of each kind a reader meets: overdue, due soon, reserved by another reader, renewals
 * used up. Card 1000002 (PIN 4321, surname Петров) has one book due on the day.
 */
public final class DemoPatrons {

    public static final String DEMO_CARD = "1000001";

    private DemoPatrons() {
    }

    public static List<LoansImport.Patron> dated(LocalDate today) {
        String central = "Центральная библиотека";
        String children = "Центральная детская библиотека";
        return List.of(
                new LoansImport.Patron(new CardNumber(DEMO_CARD), "Иванова", "1234", List.of(
                        new Loan("2000000101", "Преступление и наказание", "Ф. М. Достоевский", central,
                                today.minusDays(33), today.minusDays(5), 0, false),
                        new Loan("2000000102", "Мастер и Маргарита", "М. А. Булгаков", central,
                                today.minusDays(11), today.plusDays(3), 0, false),
                        new Loan("2000000103", "Тихий Дон. Книга 1", "М. А. Шолохов", central,
                                today.minusDays(7), today.plusDays(7), 0, true),
                        new Loan("2000000104", "Война и мир. Том 1", "Л. Н. Толстой", central,
                                today.minusDays(32), today.plusDays(10), 2, false))),
                new LoansImport.Patron(new CardNumber("1000002"), "Петров", "4321", List.of(
                        new Loan("2000000201", "Незнайка на Луне", "Н. Н. Носов", children,
                                today.minusDays(14), today, 0, false))));
    }
}
