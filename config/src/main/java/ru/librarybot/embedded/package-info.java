/** The embedded MongoDB-compatible store that lets the bot run with no database server set up. */
package ru.librarybot.embedded;
