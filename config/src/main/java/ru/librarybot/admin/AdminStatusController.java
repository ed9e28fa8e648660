package ru.librarybot.admin;

import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lets a librarian's tool check that its token works and which store the bot runs on. */
@RestController
class AdminStatusController {

    private final MongoTemplate mongo;
    private final ObjectProvider<de.bwaldvogel.mongo.MongoServer> embedded;

    AdminStatusController(MongoTemplate mongo, ObjectProvider<de.bwaldvogel.mongo.MongoServer> embedded) {
        this.mongo = mongo;
        this.embedded = embedded;
    }

    @GetMapping("/api/admin/status")
    Map<String, Object> status() {
        return Map.of("store", embedded.getIfAvailable() != null ? "embedded" : "mongodb",
                "database", mongo.getDb().getName());
    }
}
