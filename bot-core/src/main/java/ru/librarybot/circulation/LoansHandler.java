package ru.librarybot.circulation;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import ru.librarybot.conversation.Answer;
import ru.librarybot.conversation.Intent;
import ru.librarybot.conversation.IntentHandler;
import ru.librarybot.conversation.Turn;

/**
 * The reader's loans and their renewal in one tap. A reader with no linked card is walked through linking first,
 * and then gets what they asked for.
 */
@Component
class LoansHandler implements IntentHandler {

    private static final Pattern SHORT_ID = Pattern.compile("[0-9a-f]{8}");

    private final Readers readers;
    private final LoanDesk desk;
    private final CardHandler cards;

    LoansHandler(Readers readers, LoanDesk desk, CardHandler cards) {
        this.readers = readers;
        this.desk = desk;
        this.cards = cards;
    }

    @Override
    public Set<Intent> intents() {
        return Set.of(Intent.LOANS, Intent.RENEW);
    }

    private static final Pattern EVERYTHING = Pattern.compile("(?<![\\p{L}])(все|всё|всех|оба|обе)(?![\\p{L}])");

    @Override
    public boolean acceptsButton(Intent intent, String argument) {
        return argument.isEmpty()
                || intent == Intent.RENEW && (LoanDesk.ALL.equals(argument) || SHORT_ID.matcher(argument).matches());
    }

    @Override
    public Answer handle(Turn turn) {
        Optional<Reader> reader = readers.byReaderKey(turn.readerKey());
        String argument = turn.pressed() ? turn.recognition().query() : typedArgument(turn);
        if (reader.isEmpty()) {
            String then = argument.isEmpty() ? turn.intent().name() : turn.intent().name() + ":" + argument;
            return cards.startLinking(turn, turn.intent(), then);
        }
        if (turn.intent() == Intent.RENEW && !argument.isEmpty()) {
            return desk.renew(reader.get(), argument, List.of());
        }
        return desk.loans(reader.get(), turn.intent(), List.of());
    }

    /** "продлите все книги" asks for what the "продлить все" button does. */
    private static String typedArgument(Turn turn) {
        return turn.intent() == Intent.RENEW && EVERYTHING.matcher(turn.text().toLowerCase(Locale.ROOT)).find()
                ? LoanDesk.ALL : "";
    }
}
