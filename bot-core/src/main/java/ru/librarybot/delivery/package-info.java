/** Messages the library starts: delivered to a reader's channel account, wherever the reader last wrote from. */
package ru.librarybot.delivery;
