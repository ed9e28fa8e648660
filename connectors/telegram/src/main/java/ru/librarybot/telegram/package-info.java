/** The Telegram channel: turns Bot API updates into reader messages and renders the replies back. */
package ru.librarybot.telegram;
