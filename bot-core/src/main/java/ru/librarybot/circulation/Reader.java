package ru.librarybot.circulation;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person with a linked library card. Their channel accounts (Telegram, VK, web chat) are listed by reader key,
 * so linking the same card from two messengers makes them one reader.
 *
 * @param card the card number, encrypted ({@link CardVault#encrypt})
 * @param cardKey the card's lookup key ({@link CardVault#lookupKey})
 * @param remindVia the reader key of the account reminders go to
 */
@Document("readers")
public record Reader(@Id String id, String card, String cardKey, List<String> readerKeys, String remindVia,
                     ReminderChoices reminders, Instant linkedAt) {

    public Reader {
        readerKeys = List.copyOf(readerKeys);
        reminders = reminders == null ? ReminderChoices.ALL : reminders;
    }

    /** The accounts to try for a reminder, the chosen one first. */
    public List<String> reminderAccounts() {
        if (remindVia == null || !readerKeys.contains(remindVia)) {
            return readerKeys.reversed();
        }
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(remindVia),
                readerKeys.reversed().stream().filter(key -> !key.equals(remindVia))).toList();
    }
}
