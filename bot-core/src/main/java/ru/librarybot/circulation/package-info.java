/** Library cards, loans and renewals: a reader links their card once, then sees and renews their loans in chat. */
package ru.librarybot.circulation;
