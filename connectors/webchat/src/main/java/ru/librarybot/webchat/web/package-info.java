/** The web chat's HTTP side: the JSON API the chat page talks to, and the refusals it answers bad requests with. */
package ru.librarybot.webchat.web;
