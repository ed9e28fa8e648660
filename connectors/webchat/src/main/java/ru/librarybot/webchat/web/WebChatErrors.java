package ru.librarybot.webchat.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import ru.librarybot.conversation.Texts;
import ru.librarybot.webchat.BotBusy;
import ru.librarybot.webchat.RefusedMessage;

/** Turns a refused or unreadable message into a 400 with a reason the reader can act on. */
@RestControllerAdvice(assignableTypes = WebChatController.class)
class WebChatErrors {

    private final Texts texts;

    WebChatErrors(Texts texts) {
        this.texts = texts;
    }

    @ExceptionHandler
    ResponseEntity<ErrorBody> refused(RefusedMessage refusal) {
        return WebChatController.json(HttpStatus.BAD_REQUEST,
                new ErrorBody(texts.get(refusal.reasonKey(), refusal.arguments())));
    }

    @ExceptionHandler
    ResponseEntity<ErrorBody> busy(BotBusy busy) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(new ErrorBody(texts.get("webchat.busy")));
    }

    @ExceptionHandler
    ResponseEntity<ErrorBody> unreadable(HttpMessageNotReadableException unreadable) {
        return WebChatController.json(HttpStatus.BAD_REQUEST, new ErrorBody(texts.get("webchat.refused.notJson")));
    }
}
