package cn.gov.eco.notice.document;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed document template in the line-oriented markup described in {@code templates/README.md}.
 *
 * <p>Every line is one element. A line that starts with {@code @} is a directive; {@code #} starts a
 * comment line; any other non-blank line is an indented paragraph. Placeholders {@code ${name}} are
 * checked against the document's {@link TemplateSchema} when the template is parsed.
 *
 * <pre>
 * &#64;masthead ${issuingAgency}       the 版头: the issuing agency in red, centred (GB/T 9704-2012 §7.2.3)
 * &#64;title 行政处罚决定书            large bold centred line (also the PDF title)
 * &#64;subtitle ${documentNumber}      centred line
 * &#64;subject 行政处罚决定            PDF metadata subject (not printed)
 * &#64;heading 一、当事人              bold section heading
 * &#64;p text / text                  paragraph with a two-character first-line indent
 * &#64;text text                      paragraph without indent
 * &#64;kv 名称 | ${party.name}         label and value in two columns
 * &#64;list ${evidence}               numbered list (1. 2. …) of a text list
 * &#64;bullets ${platforms}           bulleted list of a text list
 * &#64;each penalties as p            repeat the lines up to &#64;end for each item; ${p.typeZh} or ${p}
 * &#64;if name / &#64;unless name        lines up to &#64;end only when the field is true / non-empty
 * &#64;sign text                      right-aligned signature line; consecutive lines form one block
 * &#64;gap                            one line of vertical space
 * </pre>
 */
public final class DocumentTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern EACH = Pattern.compile("(\\S+)\\s+as\\s+(\\w+)");

    private final String name;
    private final String title;
    private final String subject;
    private final List<Node> nodes;

    private DocumentTemplate(String name, String title, String subject, List<Node> nodes) {
        this.name = name;
        this.title = title;
        this.subject = subject;
        this.nodes = nodes;
    }

    /**
     * The literal text of the template, which every document of this template prints (whatever its conditions):
     * of the {@code @heading} lines when {@code headings}, else of all other lines. The renderer subsets the glyphs of
     * this text once per template.
     */
    String fixedText(boolean headings) {
        StringBuilder sb = new StringBuilder(2048);
        fixedText(nodes, headings, sb);
        return sb.toString();
    }

    private static void fixedText(List<Node> body, boolean headings, StringBuilder sb) {
        for (Node node : body) {
            switch (node) {
                case Line l -> {
                    if (l.kind().equals("heading") == headings) {
                        sb.append(l.text().literal());
                        if (l.value() != null) {
                            sb.append(l.value().literal());
                        }
                    }
                }
                case Each e -> fixedText(e.body(), headings, sb);
                case Cond c -> fixedText(c.body(), headings, sb);
                case ListLine ignored -> {
                }
            }
        }
    }

    /** The first {@code @title} line, literal parts only, for the PDF title. */
    public String title() {
        return title;
    }

    public String subject() {
        return subject;
    }

    public String name() {
        return name;
    }

    // ------------------------------------------------------------------ parsing

    private sealed interface Node {
    }

    private record Line(String kind, Text text, Text value, int lineNo) implements Node {
    }

    private record ListLine(String field, boolean numbered, int lineNo) implements Node {
    }

    private record Each(String field, String var, List<Node> body, int lineNo) implements Node {
    }

    private record Cond(String field, boolean negate, List<Node> body, int lineNo) implements Node {
    }

    /** Literal texts and placeholder names, alternating: parts[0] literal, parts[1] name, parts[2] literal… */
    private record Text(String[] parts) {
        String literal() {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < parts.length; i += 2) {
                sb.append(parts[i]);
            }
            return sb.toString();
        }
    }

    /**
     * Parses and validates a template.
     *
     * @throws TemplateException naming the template and line when the markup is wrong or a placeholder
     *                           is not a field of the document
     */
    static DocumentTemplate parse(String name, String source, TemplateSchema schema) {
        Deque<List<Node>> stack = new ArrayDeque<>();
        Deque<Node> open = new ArrayDeque<>();
        Deque<Map.Entry<String, TemplateSchema.Field>> scope = new ArrayDeque<>();
        List<Node> root = new ArrayList<>();
        stack.push(root);
        String title = null;
        String subject = "";
        String[] lines = source.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String raw = lines[i].strip();
            if (raw.isEmpty() || raw.startsWith("#")) {
                continue;
            }
            String directive;
            String rest;
            if (raw.startsWith("@")) {
                int sp = indexOfSpace(raw);
                directive = sp < 0 ? raw.substring(1) : raw.substring(1, sp);
                rest = sp < 0 ? "" : raw.substring(sp + 1).strip();
            } else {
                directive = "p";
                rest = raw;
            }
            Where where = new Where(name, lineNo, schema, scope);
            switch (directive) {
                case "masthead", "title", "subtitle", "heading", "p", "text", "sign" -> {
                    Text text = text(rest, where);
                    if (directive.equals("title") && title == null) {
                        title = text.literal().strip();
                    }
                    stack.peek().add(new Line(directive, text, null, lineNo));
                }
                case "subject" -> subject = rest;
                case "gap" -> stack.peek().add(new Line("gap", new Text(new String[] {""}), null, lineNo));
                case "kv" -> {
                    int bar = rest.indexOf('|');
                    if (bar < 0) {
                        throw where.error("@kv needs 'label | value'");
                    }
                    stack.peek().add(new Line("kv", text(rest.substring(0, bar).strip(), where),
                            text(rest.substring(bar + 1).strip(), where), lineNo));
                }
                case "list", "bullets" -> {
                    String field = singlePlaceholder(rest, where);
                    TemplateSchema.Field f = where.resolve(field);
                    if (!(f instanceof TemplateSchema.TextList)) {
                        throw where.error("@" + directive + " needs a list of texts, but ${" + field + "} is not one");
                    }
                    stack.peek().add(new ListLine(field, directive.equals("list"), lineNo));
                }
                case "each" -> {
                    Matcher m = EACH.matcher(rest);
                    if (!m.matches()) {
                        throw where.error("@each needs 'field as name'");
                    }
                    String field = m.group(1);
                    TemplateSchema.Field f = where.resolve(field);
                    if (!(f instanceof TemplateSchema.TextList || f instanceof TemplateSchema.RecordList)) {
                        throw where.error("@each needs a list, but " + field + " is not one");
                    }
                    Each each = new Each(field, m.group(2), new ArrayList<>(), lineNo);
                    stack.peek().add(each);
                    stack.push(each.body());
                    open.push(each);
                    scope.push(Map.entry(m.group(2), f));
                }
                case "if", "unless" -> {
                    String field = rest.strip();
                    where.resolve(field);
                    Cond cond = new Cond(field, directive.equals("unless"), new ArrayList<>(), lineNo);
                    stack.peek().add(cond);
                    stack.push(cond.body());
                    open.push(cond);
                }
                case "end" -> {
                    if (open.isEmpty()) {
                        throw where.error("@end without @each or @if");
                    }
                    if (open.pop() instanceof Each) {
                        scope.pop();
                    }
                    stack.pop();
                }
                default -> throw where.error("unknown directive @" + directive);
            }
        }
        if (!open.isEmpty()) {
            throw new TemplateException(name + ": block opened at line " + lineNumber(open.peek()) + " has no @end");
        }
        if (title == null) {
            throw new TemplateException(name + ": a template needs an @title line");
        }
        return new DocumentTemplate(name, title, subject, List.copyOf(root));
    }

    private static int lineNumber(Node node) {
        return switch (node) {
            case Each e -> e.lineNo();
            case Cond c -> c.lineNo();
            case Line l -> l.lineNo();
            case ListLine l -> l.lineNo();
        };
    }

    private static int indexOfSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String singlePlaceholder(String rest, Where where) {
        Matcher m = PLACEHOLDER.matcher(rest);
        if (!m.matches()) {
            throw where.error("expected a single ${field}, got '" + rest + "'");
        }
        return m.group(1).strip();
    }

    private static Text text(String s, Where where) {
        List<String> parts = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(s);
        int last = 0;
        while (m.find()) {
            parts.add(s.substring(last, m.start()));
            String field = m.group(1).strip();
            TemplateSchema.Field f = where.resolve(field);
            if (!(f instanceof TemplateSchema.Text)) {
                throw where.error("${" + field + "} is a list or flag and cannot be printed inline");
            }
            parts.add(field);
            last = m.end();
        }
        if (s.indexOf("${", last) >= 0) {
            throw where.error("unclosed placeholder in '" + s + "'");
        }
        parts.add(s.substring(last));
        return new Text(parts.toArray(String[]::new));
    }

    private record Where(String template, int lineNo, TemplateSchema schema,
                         Deque<Map.Entry<String, TemplateSchema.Field>> scope) {

        TemplateException error(String message) {
            return new TemplateException(template + ", line " + lineNo + ": " + message);
        }

        TemplateSchema.Field resolve(String path) {
            for (Map.Entry<String, TemplateSchema.Field> var : scope) {
                String v = var.getKey();
                if (path.equals(v)) {
                    if (var.getValue() instanceof TemplateSchema.TextList) {
                        return TemplateSchema.TEXT;
                    }
                    throw error("${" + v + "} is a record; name one of its fields, e.g. ${" + v + "."
                            + ((TemplateSchema.RecordList) var.getValue()).itemFields().iterator().next() + "}");
                }
                if (path.startsWith(v + ".") && var.getValue() instanceof TemplateSchema.RecordList r) {
                    String sub = path.substring(v.length() + 1);
                    if (!r.itemFields().contains(sub)) {
                        throw error("unknown placeholder ${" + path + "}; the items have " + r.itemFields());
                    }
                    return TemplateSchema.TEXT;
                }
            }
            TemplateSchema.Field f = schema.field(path);
            if (f == null) {
                throw error("unknown placeholder ${" + path + "} for a " + schema.documentKind()
                        + "; known fields: " + schema.fields().keySet());
            }
            return f;
        }
    }

    // ------------------------------------------------------------------ filling

    /** Fills the template with a model built by {@link DocumentModels}; the result goes to the layout. */
    List<LayoutBlock> fill(Map<String, Object> model) {
        List<LayoutBlock> out = new ArrayList<>();
        List<String> signature = new ArrayList<>();
        fill(nodes, model, new ArrayDeque<>(), out, signature);
        flushSignature(out, signature);
        return out;
    }

    private void fill(List<Node> body, Map<String, Object> model, Deque<Map.Entry<String, Object>> vars,
                      List<LayoutBlock> out, List<String> signature) {
        for (Node node : body) {
            if (!(node instanceof Line l && l.kind().equals("sign"))) {
                flushSignature(out, signature);
            }
            switch (node) {
                case Line l -> {
                    switch (l.kind()) {
                        case "masthead" -> out.add(new LayoutBlock.Masthead(expand(l.text(), model, vars)));
                        case "title" -> out.add(new LayoutBlock.Title(expand(l.text(), model, vars)));
                        case "subtitle" -> out.add(new LayoutBlock.Subtitle(expand(l.text(), model, vars)));
                        case "heading" -> out.add(new LayoutBlock.Heading(expand(l.text(), model, vars)));
                        case "p" -> out.add(new LayoutBlock.Paragraph(expand(l.text(), model, vars), true));
                        case "text" -> out.add(new LayoutBlock.Paragraph(expand(l.text(), model, vars), false));
                        case "kv" -> out.add(new LayoutBlock.KeyValue(expand(l.text(), model, vars),
                                expand(l.value(), model, vars)));
                        case "sign" -> signature.add(expand(l.text(), model, vars));
                        case "gap" -> out.add(new LayoutBlock.Gap());
                        default -> throw new IllegalStateException(l.kind());
                    }
                }
                case ListLine ll -> {
                    List<?> items = (List<?>) value(ll.field(), model, vars, ll.lineNo());
                    int n = 1;
                    for (Object item : items) {
                        out.add(new LayoutBlock.ListItem(ll.numbered() ? (n++) + "." : "•", (String) item));
                    }
                }
                case Each e -> {
                    List<?> items = (List<?>) value(e.field(), model, vars, e.lineNo());
                    for (Object item : items) {
                        vars.push(Map.entry(e.var(), item));
                        fill(e.body(), model, vars, out, signature);
                        vars.pop();
                    }
                }
                case Cond c -> {
                    if (truthy(value(c.field(), model, vars, c.lineNo())) != c.negate()) {
                        fill(c.body(), model, vars, out, signature);
                    }
                }
            }
        }
    }

    private static void flushSignature(List<LayoutBlock> out, List<String> signature) {
        if (!signature.isEmpty()) {
            out.add(new LayoutBlock.Signature(List.copyOf(signature)));
            signature.clear();
        }
    }

    private static boolean truthy(Object v) {
        return switch (v) {
            case null -> false;
            case Boolean b -> b;
            case String s -> !s.isBlank();
            case List<?> l -> !l.isEmpty();
            default -> true;
        };
    }

    private String expand(Text text, Map<String, Object> model, Deque<Map.Entry<String, Object>> vars) {
        String[] parts = text.parts();
        if (parts.length == 1) {
            return parts[0];
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i % 2 == 0) {
                sb.append(parts[i]);
            } else {
                Object v = value(parts[i], model, vars, -1);
                sb.append(v == null ? "" : v);
            }
        }
        return sb.toString();
    }

    private Object value(String path, Map<String, Object> model, Deque<Map.Entry<String, Object>> vars, int lineNo) {
        for (Map.Entry<String, Object> var : vars) {
            if (path.equals(var.getKey())) {
                return var.getValue();
            }
            if (path.startsWith(var.getKey() + ".") && var.getValue() instanceof Map<?, ?> item) {
                return requireKey(item, path.substring(var.getKey().length() + 1), path, lineNo);
            }
        }
        return requireKey(model, path, path, lineNo);
    }

    private Object requireKey(Map<?, ?> map, String key, String path, int lineNo) {
        if (!map.containsKey(key)) {
            // the schema and the model builder disagree: a bug, never silently printed as blank
            throw new TemplateException(name + (lineNo > 0 ? ", line " + lineNo : "")
                    + ": the document model has no value for ${" + path + "}");
        }
        return map.get(key);
    }
}
