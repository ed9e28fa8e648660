/** The VK channel: turns community events into reader messages and renders the replies back. */
package ru.librarybot.vk;
