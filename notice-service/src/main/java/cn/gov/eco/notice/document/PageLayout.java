package cn.gov.eco.notice.document;

import java.util.ArrayList;
import java.util.List;

/**
 * A small layout engine for A4 official documents: places {@link LayoutBlock}s on pages, wrapping CJK
 * text by character width and breaking pages. It only measures and positions; drawing is done by
 * {@link DocumentRenderer}, after the page count is known so that footers can say "共 N 页".
 *
 * <p>Line breaking follows the usual Chinese rules (GB/T 15834 punctuation, 禁则): a line may break
 * between any two CJK characters but not before closing punctuation (，。、；：）」 …) nor after opening
 * punctuation (（「《 …); a run of Latin letters and digits (a USCC, an amount) is not split unless it is
 * longer than a line. Full-width closing punctuation that does not fit may hang into the right margin
 * (标点悬挂) instead of pulling a character down.
 */
final class PageLayout {

    static final float PAGE_WIDTH = 595.28f;
    static final float PAGE_HEIGHT = 841.89f;
    static final float MARGIN_LEFT = 79f;   // 28 mm, GB/T 9704 left margin
    static final float MARGIN_RIGHT = 74f;  // 26 mm
    static final float MARGIN_TOP = 72f;
    static final float MARGIN_BOTTOM = 72f;
    static final float BODY = 12f;
    static final float LEADING = BODY * 1.7f;
    static final float TITLE = 22f;
    static final float HEADING = 13f;
    static final float FOOTER = 9f;
    static final float FOOTER_Y = 36f;

    private static final String NO_LINE_START = "，。、；：？！）」』》〉】〕”’…—·%,.;:!?)]}";
    private static final String NO_LINE_END = "（「『《〈【〔“‘([{";
    private static final String HANGING = "，。、；：？！）」』》”";

    /** A run of text to draw at a baseline position. */
    record TextOp(float x, float y, float size, boolean bold, String text) {
    }

    /** A horizontal rule. */
    record RuleOp(float x1, float x2, float y, float width) {
    }

    /**
     * Where the agency's seal image goes: centred on the signature block (over the agency's name and the date, as a
     * stamp on paper is), {@code height} the block's height.
     */
    record SealMark(float centreX, float centreY, float height) {
    }

    record Page(List<TextOp> texts, List<RuleOp> rules, List<SealMark> seals) {
    }

    private final CjkFont font;
    private final List<Page> pages = new ArrayList<>();
    private Page page;
    private float y;

    PageLayout(CjkFont font) {
        this.font = font;
        newPage();
    }

    static float contentWidth() {
        return PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;
    }

    List<Page> layout(List<LayoutBlock> blocks) {
        for (int i = 0; i < blocks.size(); i++) {
            LayoutBlock block = blocks.get(i);
            switch (block) {
                case LayoutBlock.Title t -> {
                    List<String> lines = wrap(t.text(), contentWidth(), contentWidth(), TITLE);
                    for (String line : lines) {
                        ensure(TITLE * 1.6f);
                        y -= TITLE * 1.6f;
                        add(centre(line, TITLE), TITLE, true, line);
                    }
                    y -= BODY * 0.5f;
                }
                case LayoutBlock.Subtitle s -> {
                    ensure(LEADING * 2);
                    y -= LEADING;
                    add(centre(s.text(), BODY), BODY, false, s.text());
                    y -= BODY * 0.8f;
                    page.rules().add(new RuleOp(MARGIN_LEFT, PAGE_WIDTH - MARGIN_RIGHT, y, 0.8f));
                    y -= BODY * 0.4f;
                }
                case LayoutBlock.Heading h -> {
                    // keep a heading with at least two lines of what follows
                    ensure(HEADING * 1.9f + LEADING * 2);
                    y -= HEADING * 0.5f;
                    for (String line : wrap(h.text(), contentWidth(), contentWidth(), HEADING)) {
                        ensure(LEADING);
                        y -= LEADING;
                        add(MARGIN_LEFT, HEADING, true, line);
                    }
                }
                case LayoutBlock.Paragraph p -> {
                    for (String para : p.text().split("\\R")) {
                        if (para.isBlank()) {
                            continue;
                        }
                        float indent = p.indent() ? 2 * em(BODY) : 0f;
                        flow(para.strip(), MARGIN_LEFT + indent, MARGIN_LEFT, BODY);
                    }
                }
                case LayoutBlock.KeyValue kv -> {
                    String label = kv.key().isEmpty() ? "" : kv.key() + "：";
                    float labelWidth = Math.max(9 * em(BODY), width(label, BODY)) + 0.5f * em(BODY);
                    float valueX = MARGIN_LEFT + labelWidth;
                    List<String> lines = wrap(kv.value(), PAGE_WIDTH - MARGIN_RIGHT - valueX,
                            PAGE_WIDTH - MARGIN_RIGHT - valueX, BODY);
                    ensure(LEADING);
                    y -= LEADING;
                    add(MARGIN_LEFT, BODY, false, label);
                    for (int l = 0; l < lines.size(); l++) {
                        if (l > 0) {
                            ensure(LEADING);
                            y -= LEADING;
                        }
                        add(valueX, BODY, false, lines.get(l));
                    }
                }
                case LayoutBlock.ListItem li -> {
                    float markerX = MARGIN_LEFT + 2 * em(BODY);
                    float textX = markerX + Math.max(1.5f * em(BODY), width(li.marker(), BODY) + 0.5f * em(BODY));
                    List<String> lines = wrap(li.text(), PAGE_WIDTH - MARGIN_RIGHT - textX,
                            PAGE_WIDTH - MARGIN_RIGHT - textX, BODY);
                    for (int l = 0; l < lines.size(); l++) {
                        ensure(LEADING);
                        y -= LEADING;
                        if (l == 0) {
                            add(markerX, BODY, false, li.marker());
                        }
                        add(textX, BODY, false, lines.get(l));
                    }
                }
                case LayoutBlock.Signature s -> {
                    float w = 0;
                    for (String line : s.lines()) {
                        w = Math.max(w, width(line, BODY));
                    }
                    float right = PAGE_WIDTH - MARGIN_RIGHT - 2 * em(BODY);
                    float left = Math.max(MARGIN_LEFT, right - w);
                    ensure(LEADING * (s.lines().size() + 2));
                    y -= LEADING * 1.5f;
                    float top = y;
                    for (String line : s.lines()) {
                        y -= LEADING;
                        add(left + (right - left - width(line, BODY)) / 2, BODY, false, line);
                    }
                    float height = top - y;
                    page.seals().add(new SealMark((left + right) / 2, y + height / 2 + BODY * 0.3f, height));
                }
                case LayoutBlock.Gap g -> y -= LEADING * 0.6f;
            }
        }
        return pages;
    }

    private void flow(String text, float firstX, float restX, float size) {
        float right = PAGE_WIDTH - MARGIN_RIGHT;
        List<String> lines = wrap(text, right - firstX, right - restX, size);
        for (int l = 0; l < lines.size(); l++) {
            ensure(LEADING);
            y -= LEADING;
            add(l == 0 ? firstX : restX, size, false, lines.get(l));
        }
    }

    private void add(float x, float size, boolean bold, String text) {
        if (!text.isEmpty()) {
            page.texts().add(new TextOp(x, y, size, bold, text));
        }
    }

    private float centre(String text, float size) {
        return (PAGE_WIDTH - width(text, size)) / 2;
    }

    /** Starts a new page when less than {@code height} is left above the bottom margin. */
    private void ensure(float height) {
        if (y - height < MARGIN_BOTTOM && !page.texts().isEmpty()) {
            newPage();
        }
    }

    private void newPage() {
        page = new Page(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        pages.add(page);
        y = PAGE_HEIGHT - MARGIN_TOP;
    }

    private float em(float size) {
        return size;
    }

    float width(String text, float size) {
        float w = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            w += advance(cp);
            i += Character.charCount(cp);
        }
        return w * size / 1000f;
    }

    private float advance(int cp) {
        float a = font.advance(cp);
        if (a < 0) {
            throw new DocumentRenderingException(String.format(
                    "character U+%04X '%s' is not in the font %s; it cannot be printed",
                    cp, new String(Character.toChars(cp)), font.postScriptName()));
        }
        return a;
    }

    /**
     * Greedy line breaking by width. Breaks are allowed between atoms (one CJK character, or one run of
     * Latin letters/digits) unless a 禁则 rule forbids it.
     */
    List<String> wrap(String text, float firstWidth, float restWidth, float size) {
        List<String> lines = new ArrayList<>();
        int n = text.length();
        int lineStart = 0;
        float limit = firstWidth;
        float w = 0;
        int i = 0;
        int lastBreak = -1; // index where a new line may start, after lineStart
        while (i < n) {
            int cp = text.codePointAt(i);
            int atomEnd = i + Character.charCount(cp);
            if (isWordChar(cp)) {
                while (atomEnd < n && isWordChar(text.codePointAt(atomEnd))) {
                    atomEnd += Character.charCount(text.codePointAt(atomEnd));
                }
            }
            float aw = width(text.substring(i, atomEnd), size);
            if (i > lineStart && breakAllowed(text, i)) {
                lastBreak = i;
            }
            if (w + aw > limit && i > lineStart) {
                boolean hang = atomEnd - i == 1 && HANGING.indexOf(cp) >= 0 && w + aw <= limit + size;
                if (!hang) {
                    int breakAt = lastBreak > lineStart ? lastBreak : i;
                    lines.add(text.substring(lineStart, breakAt).stripTrailing());
                    lineStart = skipSpaces(text, breakAt);
                    limit = restWidth;
                    w = width(text.substring(lineStart, Math.max(lineStart, i)), size);
                    lastBreak = i > lineStart && breakAllowed(text, i) ? i : -1;
                    if (i < lineStart) {
                        i = lineStart;
                        continue;
                    }
                }
            }
            if (aw > limit && i == lineStart && atomEnd - i > 1) {
                // a word longer than the line: split it by character
                atomEnd = i + Character.charCount(cp);
                aw = width(text.substring(i, atomEnd), size);
            }
            w += aw;
            i = atomEnd;
        }
        if (lineStart < n) {
            lines.add(text.substring(lineStart).stripTrailing());
        }
        if (lines.isEmpty()) {
            lines.add("");
        }
        return lines;
    }

    private static int skipSpaces(String text, int i) {
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static boolean isWordChar(int cp) {
        return cp < 0x80 && (Character.isLetterOrDigit(cp) || cp == '.' || cp == ',' || cp == '-' || cp == '_'
                || cp == '/' || cp == '@' || cp == ':' || cp == '%');
    }

    private static boolean breakAllowed(String text, int i) {
        int cp = text.codePointAt(i);
        int prev = text.codePointBefore(i);
        return NO_LINE_START.indexOf(cp) < 0 && NO_LINE_END.indexOf(prev) < 0;
    }
}
