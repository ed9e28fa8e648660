/** The interaction log, daily statistics rollups and metrics of every reader exchange. */
package ru.librarybot.analytics;
