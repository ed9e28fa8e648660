package ru.librarybot.catalog.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ru.librarybot.catalog.BranchAvailability;
import ru.librarybot.catalog.CatalogSearch;
import ru.librarybot.catalog.CatalogUnavailableException;
import ru.librarybot.catalog.Title;
import ru.librarybot.library.LibraryProfile;

/** The catalog search the library's site widget calls: public, read-only, from any origin. */
@RestController
@RequestMapping("/api/catalog")
@CrossOrigin(origins = "*", methods = RequestMethod.GET)
class CatalogSearchController {

    private static final int MAX_LIMIT = 20;

    private final CatalogSearch search;
    private final LibraryProfile library;

    CatalogSearchController(CatalogSearch search, LibraryProfile library) {
        this.search = search;
        this.library = library;
    }

    record SearchResult(String query, List<TitleView> titles) {
    }

    record TitleView(String id, String title, String otherTitleInfo, List<String> authors, Integer year,
                     String publisher, String series, String ageRating, int freeCopies,
                     List<BranchView> availability) {
    }

    /**
     * @param free copies that can be taken home now
     * @param nearestDue when the first copy on loan is due back, if known
     */
    record BranchView(String branch, String branchName, int free, int readingRoomOnly, int onLoan,
                      LocalDate nearestDue, int inProcessing) {
    }

    @GetMapping("/search")
    ResponseEntity<?> search(@RequestParam(name = "q", required = false) String query,
                             @RequestParam(name = "limit", defaultValue = "10") int limit) {
        if (query == null || query.isBlank()) {
            return ResponseEntity.badRequest().body(Map.of("error", "Say what to look for: ?q=<title or author>"));
        }
        List<TitleView> titles = search.search(query, Math.clamp(limit, 1, MAX_LIMIT)).stream().map(this::view)
                .toList();
        return ResponseEntity.ok(new SearchResult(query.length() > 300 ? query.substring(0, 300) : query, titles));
    }

    @ExceptionHandler(CatalogUnavailableException.class)
    ResponseEntity<Map<String, String>> unavailable(CatalogUnavailableException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .body(Map.of("error", "The library's catalog server does not answer now"));
    }

    private TitleView view(Title title) {
        List<BranchView> branches = title.availability().stream().map(this::view).toList();
        return new TitleView(title.id(), title.title(), title.otherTitleInfo(), title.authors(), title.year(),
                title.publisher(), title.series(), title.ageRating(), title.freeCopies(), branches);
    }

    private BranchView view(BranchAvailability branch) {
        return new BranchView(branch.branchId(),
                library.branchName(branch.branchId()),
                branch.free(), branch.readingRoomOnly(), branch.onLoan(), branch.nearestDue(), branch.inProcessing());
    }
}
