package ru.librarybot.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The local index finds the ids; Mongo, the source of truth, gives the titles and their current copies. */
public final class LocalCatalogSearch implements CatalogSearch {

    /**
     * Hits scoring far below the best one are noise a reader should not wade through; "far" is both relative and
     * absolute, as in a small catalog every title shares the words and only the copy counts tell them apart.
     */
    private static final float RELATIVE_CUTOFF = 0.3f;
    private static final float ABSOLUTE_GAP = 1f;

    private final CatalogIndex index;
    private final Catalog catalog;

    public LocalCatalogSearch(CatalogIndex index, Catalog catalog) {
        this.index = index;
        this.catalog = catalog;
    }

    @Override
    public List<Title> search(String readerText, int limit) {
        List<CatalogIndex.Hit> hits = index.search(readerText, limit);
        if (hits.isEmpty()) {
            return List.of();
        }
        float best = hits.getFirst().score();
        float floor = Math.min(best * RELATIVE_CUTOFF, best - ABSOLUTE_GAP);
        List<String> ids = new ArrayList<>(hits.size());
        for (CatalogIndex.Hit hit : hits) {
            if (hit.score() >= floor) {
                ids.add(hit.id());
            }
        }
        Map<String, Title> titles = catalog.findAll(ids);
        List<Title> found = new ArrayList<>(ids.size());
        for (String id : ids) {
            Title title = titles.get(id);
            if (title != null) {
                found.add(title);
            }
        }
        return found;
    }

    @Override
    public Optional<Title> byKey(String key) {
        return index.idOfKey(key).flatMap(catalog::find);
    }

    @Override
    public boolean tracksReturns() {
        return true;
    }
}
