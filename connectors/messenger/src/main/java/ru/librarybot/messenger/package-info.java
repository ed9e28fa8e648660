/** What the Telegram and VK connectors share: the inbox of platform updates and the paced, durable outbox. */
package ru.librarybot.messenger;
