package ru.librarybot.catalog;

import java.util.List;
import java.util.Optional;

/** Finds titles with their copies for what a reader typed: in the local catalog, or live on the library's server. */
public sealed interface CatalogSearch permits LocalCatalogSearch, SruCatalogSearch {

    /** Best first; empty when nothing plausible matches. Never throws for anything a reader can type. */
    List<Title> search(String readerText, int limit);

    /** A title shown to a reader before, by the short key its buttons carry. */
    Optional<Title> byKey(String key);

    /** Whether imports keep copy states current here, so a reader can be told when a copy comes back. */
    boolean tracksReturns();
}
