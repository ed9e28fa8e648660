/** The library's catalog: titles and their copies, imported from the library's system, searched for readers. */
package ru.librarybot.catalog;
