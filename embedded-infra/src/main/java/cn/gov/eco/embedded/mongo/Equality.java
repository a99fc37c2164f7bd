package cn.gov.eco.embedded.mongo;

import de.bwaldvogel.mongo.bson.Document;

import java.util.Collection;
import java.util.List;

/**
 * The plain value a query demands for a field, if it demands one: {@code {f: v, …}}, or {@code v} in one of the
 * conjuncts of a top-level {@code $and} — the MongoDB Java driver renders {@code Filters.and(eq(…), …)} as
 * {@code {$and: [{f: v}, …]}}. Operator documents, arrays and nulls are not plain values.
 */
final class Equality {

    private Equality() {
    }

    static Object plainValue(Document query, String field) {
        Object value = query.get(field);
        if (isPlain(value)) {
            return value;
        }
        if (query.get("$and") instanceof List<?> conjuncts) {
            for (Object c : conjuncts) {
                if (c instanceof Document d) {
                    Object v = plainValue(d, field);
                    if (v != null) {
                        return v;
                    }
                }
            }
        }
        return null;
    }

    private static boolean isPlain(Object value) {
        return value != null && !(value instanceof Document) && !(value instanceof Collection);
    }
}
