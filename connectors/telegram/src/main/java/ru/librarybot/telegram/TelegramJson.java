package ru.librarybot.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.telegram.telegrambots.meta.api.objects.Update;

/** Bot API updates to and from their JSON, with the object model TelegramBots uses. */
final class TelegramJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private TelegramJson() {
    }

    /** Parses an update; throws {@link IllegalArgumentException} for anything that is not one. */
    static Update parse(String json) {
        Update update;
        try {
            update = MAPPER.readValue(json, Update.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a Bot API update: " + e.getOriginalMessage());
        }
        if (update == null || update.getUpdateId() == null) {
            throw new IllegalArgumentException("Not a Bot API update: no update_id");
        }
        return update;
    }

    static String write(Update update) {
        try {
            return MAPPER.writeValueAsString(update);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A parsed update is always writable", e);
        }
    }

    /** The chat an update belongs to, so updates of one chat are handled in order. */
    static String lane(Update update) {
        if (update.hasMessage()) {
            return String.valueOf(update.getMessage().getChatId());
        }
        if (update.hasCallbackQuery()) {
            var query = update.getCallbackQuery();
            return query.getMessage() != null ? String.valueOf(query.getMessage().getChatId())
                    : String.valueOf(query.getFrom().getId());
        }
        if (update.hasMyChatMember()) {
            return String.valueOf(update.getMyChatMember().getChat().getId());
        }
        return "other";
    }
}
