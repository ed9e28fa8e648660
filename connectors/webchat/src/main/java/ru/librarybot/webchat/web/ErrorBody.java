package ru.librarybot.webchat.web;

/** Why a request was refused, in words the chat page can show the reader as they are. */
record ErrorBody(String error) {
}
