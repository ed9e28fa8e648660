package ru.librarybot.webchat.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import ru.librarybot.conversation.Texts;
import ru.librarybot.webchat.RefusedMessage;

/** Turns a refused or unreadable message into a 400 with a reason the reader can act on. */
@RestControllerAdvice(assignableTypes = WebChatController.class)
class WebChatErrors {

    private final Texts texts;

    WebChatErrors(Texts texts) {
        this.texts = texts;
    }

    @ExceptionHandler
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ErrorBody refused(RefusedMessage refusal) {
        return new ErrorBody(texts.get(refusal.reasonKey(), refusal.arguments()));
    }

    @ExceptionHandler
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ErrorBody unreadable(HttpMessageNotReadableException unreadable) {
        return new ErrorBody(texts.get("webchat.refused.notJson"));
    }
}
