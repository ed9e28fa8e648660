package ru.librarybot.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

class RememberedKeyBytesTest {

    @Test
    void ordersIndexKeysExactlyAsH2sOwnKeyTypeSoStoresWrittenBeforeStaySearchable() {
        List<KeyValue> keys = sampleKeys(new Random(7));
        ObjectDataType h2 = new ObjectDataType();
        RememberedKeyBytes remembered = new RememberedKeyBytes();

        for (KeyValue a : keys) {
            for (KeyValue b : keys) {
                assertThat(Integer.signum(remembered.compare(a, b)))
                        .as("%s vs %s", a, b)
                        .isEqualTo(Integer.signum(h2.compare(a, b)));
            }
        }
    }

    private static List<KeyValue> sampleKeys(Random random) {
        List<KeyValue> keys = new ArrayList<>();
        String[] words = {"", "a", "ab", "b", "Мастер и Маргарита", "мастер", "ё", "2026-11-21|web|HELP|ANSWERED",
                "2026-11-21|all|0f3a", "z".repeat(300)};
        for (String word : words) {
            keys.add(new KeyValue(word));
            keys.add(new KeyValue(word, (long) word.length()));
        }
        for (int i = 0; i < 40; i++) {
            keys.add(new KeyValue(new ObjectId()));
            keys.add(new KeyValue(random.nextLong()));
            keys.add(new KeyValue(random.nextInt(1000)));
            keys.add(new KeyValue(random.nextDouble()));
            keys.add(new KeyValue(new Document("branch", "central").append("n", random.nextInt(5))));
        }
        keys.add(new KeyValue((Object) null));
        return keys;
    }
}
