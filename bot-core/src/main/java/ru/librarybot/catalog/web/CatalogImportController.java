package ru.librarybot.catalog.web;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executor;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import ru.librarybot.catalog.CatalogImporter;
import ru.librarybot.catalog.ImportFormat;
import ru.librarybot.catalog.ImportReport;

/**
 * Librarians upload their system's export here (behind the admin token). A small file's report comes back at once;
 * a long import answers 202 with its id, and {@code GET /api/admin/catalog/imports/{id}} shows its progress.
 */
@RestController
@RequestMapping("/api/admin/catalog/imports")
class CatalogImportController {

    private final CatalogImporter importer;
    private final Executor imports;
    private final Duration wait;

    CatalogImportController(CatalogImporter importer, @Qualifier("catalogImports") Executor imports,
                            @Value("${librarybot.catalog.import-wait:20s}") Duration wait) {
        this.importer = importer;
        this.imports = imports;
        this.wait = wait;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> upload(@RequestParam(name = "file", required = false) MultipartFile file,
                             @RequestParam(name = "format", required = false) String format,
                             @RequestParam(name = "encoding", required = false) String encoding) throws IOException {
        if (file == null || file.isEmpty()) {
            return error(HttpStatus.BAD_REQUEST, "Attach the exported file as the multipart part 'file'");
        }
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                ? "upload" : Path.of(file.getOriginalFilename()).getFileName().toString();
        CatalogImporter.Request request = CatalogImporter.Request.of(name,
                format == null || format.isBlank() ? ImportFormat.ofFileName(name).id() : format, encoding);
        Path saved = Files.createTempFile("catalog-import-", ".upload");
        try {
            file.transferTo(saved);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(saved);
            throw e;
        }
        ImportReport started = importer.start(request, saved, imports);
        ImportReport report = awaitEnd(started);
        if (report.state() == ImportReport.State.RUNNING) {
            return ResponseEntity.accepted().location(URI.create("/api/admin/catalog/imports/" + report.id()))
                    .body(report);
        }
        return ResponseEntity.ok(report);
    }

    @GetMapping("/{id}")
    ResponseEntity<?> status(@PathVariable String id) {
        return importer.status(id).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> error(HttpStatus.NOT_FOUND, "No catalog import with id " + id));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> badRequest(IllegalArgumentException e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    private ImportReport awaitEnd(ImportReport started) {
        long deadline = System.nanoTime() + wait.toNanos();
        ImportReport report = started;
        while (report.state() == ImportReport.State.RUNNING && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return report;
            }
            report = importer.status(started.id()).orElse(report);
        }
        return report;
    }

    private static ResponseEntity<Map<String, String>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("error", message));
    }
}
