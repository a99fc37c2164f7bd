package cn.gov.eco.notice.document;

import java.util.Map;
import java.util.Set;

/**
 * The fields a template of one document kind may name, checked when the template is loaded so that a
 * misspelt placeholder fails at start-up and not in the middle of a delivery.
 */
record TemplateSchema(String documentKind, Map<String, Field> fields) {

    sealed interface Field permits Text, Flag, TextList, RecordList {
    }

    /** A single line of text. */
    record Text() implements Field {
    }

    /** True or false, for {@code @if}. */
    record Flag() implements Field {
    }

    /** A list of texts, for {@code @list}, {@code @bullets} and {@code @each}. */
    record TextList() implements Field {
    }

    /** A list of records with the given text fields, for {@code @each}. */
    record RecordList(Set<String> itemFields) implements Field {
    }

    static final Field TEXT = new Text();
    static final Field FLAG = new Flag();
    static final Field TEXT_LIST = new TextList();

    Field field(String name) {
        return fields.get(name);
    }
}
