/** The library itself: its branches, opening hours, registration, prices and FAQ, and the INFO answers built from them. */
package ru.librarybot.library;
