package cn.gov.eco.platform.web;

import cn.gov.eco.platform.text.Printed;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;

import java.lang.annotation.Annotation;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The limits {@link RequestLimits} enforces, written into the OpenAPI documents: a {@link Printed} field's maximum,
 * and the defaults on every other string ({@value RequestLimits#DEFAULT_TEXT} characters) and list
 * ({@value RequestLimits#DEFAULT_ITEMS} items) that declare none, so a client reads each maximum in the schema.
 */
public final class OpenApiLimits {

    private OpenApiLimits() {
    }

    /** {@link Printed#max()} as {@code maxLength} (on the items of a list). */
    public static PropertyCustomizer printedFields() {
        return (property, type) -> {
            Annotation[] annotations = type == null ? null : type.getCtxAnnotations();
            if (annotations != null) {
                for (Annotation a : annotations) {
                    if (a instanceof Printed p) {
                        Schema<?> target = property.getItems() != null ? property.getItems() : property;
                        target.setMaxLength(p.max());
                        target.setDescription(join(target.getDescription(), "Printed in the documents: NFC, "
                                + "no control or bidi characters, only characters of the documents' font"));
                    }
                }
            }
            return property;
        };
    }

    /** The default maxima on every schema property that declares none. */
    public static OpenApiCustomizer defaults() {
        return openApi -> {
            if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
                return;
            }
            Map<Schema<?>, Boolean> seen = new IdentityHashMap<>();
            openApi.getComponents().getSchemas().values().forEach(s -> apply(s, seen));
        };
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void apply(Schema<?> schema, Map<Schema<?>, Boolean> seen) {
        if (schema == null || seen.put(schema, true) != null) {
            return;
        }
        if (is(schema, "string") && schema.getFormat() == null && schema.getEnum() == null
                && schema.getMaxLength() == null) {
            schema.setMaxLength(RequestLimits.DEFAULT_TEXT);
        }
        if (is(schema, "array") && schema.getMaxItems() == null) {
            schema.setMaxItems(RequestLimits.DEFAULT_ITEMS);
        }
        apply(schema.getItems(), seen);
        if (schema.getProperties() != null) {
            ((Map<String, Schema>) (Map) schema.getProperties()).values().forEach(p -> apply(p, seen));
        }
    }

    private static boolean is(Schema<?> schema, String type) {
        Set<String> types = schema.getTypes();
        return type.equals(schema.getType()) || (types != null && types.contains(type));
    }

    private static String join(String a, String b) {
        return a == null || a.isBlank() ? b : a + ". " + b;
    }
}
