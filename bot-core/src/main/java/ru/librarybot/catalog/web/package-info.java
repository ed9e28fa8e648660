/** The catalog over HTTP: the public search for the library's site and the librarians' import API. */
package ru.librarybot.catalog.web;
