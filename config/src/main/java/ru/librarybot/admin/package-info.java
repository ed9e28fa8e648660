/** The admin HTTP API's door: librarians' tools reach {@code /api/admin/**} only with the admin token. */
package ru.librarybot.admin;
