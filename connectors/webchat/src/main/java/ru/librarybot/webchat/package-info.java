/** The web chat channel: readers talk to the library's bot on its site, through a JSON API and a chat page. */
package ru.librarybot.webchat;
