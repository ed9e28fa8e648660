/** The conversation engine: turns a reader's message from any channel into the library's replies. */
package ru.librarybot.conversation;
