package cn.gov.eco.platform.web;

import cn.gov.eco.platform.text.PrintableText;
import cn.gov.eco.platform.text.Printed;
import jakarta.validation.constraints.Size;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Limits at the edge for every JSON request body of every service, checked as soon as the body is read, before any
 * handler runs (issue 16, items 1 and 6): every text field has a maximum ({@link Size#max()} on the field, else
 * {@value #DEFAULT_TEXT} characters) and follows the text rules of {@link PrintableText} (no control or bidi
 * characters, no lone surrogates, NFC), a field marked {@link Printed} must also be printable by the documents' font;
 * every list has a maximum ({@link Size#max()}, else {@value #DEFAULT_ITEMS} items); every date lies in a plausible
 * range ({@link #EARLIEST} to {@link #LATEST}; the rules of each request narrow it further). A new endpoint gets the
 * same treatment without anyone remembering it; the same maxima appear in the OpenAPI documents
 * ({@code OpenApiLimits}).
 */
@ControllerAdvice
public class RequestLimits extends RequestBodyAdviceAdapter {

    public static final int DEFAULT_TEXT = 2_000;
    public static final int DEFAULT_ITEMS = 100;
    /** No administrative act of the People's Republic predates its founding. */
    public static final LocalDate EARLIEST = LocalDate.of(1949, 10, 1);
    public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);
    private static final int MAX_DEPTH = 8;

    private final PrintableText printable;
    private final PrintableText plain = PrintableText.withoutFont();

    public RequestLimits(PrintableText printable) {
        this.printable = printable;
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
                                Class<? extends HttpMessageConverter<?>> converterType) {
        List<Violation> violations = check(body);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return body;
    }

    /** Every violation of the limits in {@code body}, each naming its JSON path. */
    public List<Violation> check(Object body) {
        List<Violation> out = new ArrayList<>();
        walk(body, "", null, out, 0);
        return out;
    }

    private void walk(Object value, String path, AnnotatedElement element, List<Violation> out, int depth) {
        if (value == null || depth > MAX_DEPTH) {
            return;
        }
        String field = path.isEmpty() ? "$" : path;
        Printed printed = element == null ? null : element.getAnnotation(Printed.class);
        Size size = element == null ? null : element.getAnnotation(Size.class);
        if (value instanceof String s) {
            if (printed != null) {
                printable.check(out, field, s, new PrintableText.Limit(printed.max(), !printed.singleLine()),
                        "字段 " + field, "Field " + field);
            } else {
                plain.check(out, field, s, PrintableText.Limit.lines(size != null ? size.max() : DEFAULT_TEXT),
                        "字段 " + field, "Field " + field);
            }
        } else if (value instanceof LocalDate d) {
            if (d.isBefore(EARLIEST) || d.isAfter(LATEST)) {
                out.add(new Violation(field, "DATE_IMPLAUSIBLE", "字段 " + field + " 的日期 " + d + " 不在合理范围内（"
                        + EARLIEST + " 至 " + LATEST + "）", "Field " + field + ": the date " + d
                        + " is outside the plausible range " + EARLIEST + " to " + LATEST));
            }
        } else if (value instanceof Collection<?> c) {
            int max = size != null ? size.max() : DEFAULT_ITEMS;
            if (c.size() > max) {
                out.add(new Violation(field, "TOO_MANY_ITEMS", "字段 " + field + " 最多 " + max + " 项",
                        "Field " + field + " takes at most " + max + " items"));
                return;
            }
            int i = 0;
            for (Object item : c) {
                // a list's @Printed applies to its items; its @Size to the list itself
                walk(item, field + "[" + i++ + "]", printed == null ? null : element, out, depth + 1);
            }
        } else if (value instanceof Map<?, ?> m) {
            if (m.size() > DEFAULT_ITEMS) {
                out.add(new Violation(field, "TOO_MANY_ITEMS", "字段 " + field + " 最多 " + DEFAULT_ITEMS + " 项",
                        "Field " + field + " takes at most " + DEFAULT_ITEMS + " items"));
                return;
            }
            for (var e : m.entrySet()) {
                walk(e.getValue(), field + "." + e.getKey(), null, out, depth + 1);
            }
        } else if (value.getClass().isRecord()) {
            for (RecordComponent rc : value.getClass().getRecordComponents()) {
                Object v;
                try {
                    v = rc.getAccessor().invoke(value);
                } catch (IllegalAccessException | InvocationTargetException e) {
                    continue; // a component without a public accessor is not part of the JSON body
                }
                walk(v, path.isEmpty() ? rc.getName() : path + "." + rc.getName(), rc.getAccessor(), out, depth + 1);
            }
        }
    }
}
