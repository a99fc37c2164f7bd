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

    static final float MM = 72f / 25.4f;
    static final float PAGE_WIDTH = 595.28f;
    static final float PAGE_HEIGHT = 841.89f;
    // GB/T 9704-2012 §5.2.1: 版心 156 mm × 225 mm, 天头 37 mm, 订口 28 mm
    static final float MARGIN_LEFT = 28 * MM;
    static final float MARGIN_RIGHT = PAGE_WIDTH - MARGIN_LEFT - 156 * MM;
    static final float MARGIN_TOP = 37 * MM;
    static final float MARGIN_BOTTOM = PAGE_HEIGHT - MARGIN_TOP - 225 * MM;
    /** 3号 (16 pt) body, 22 lines to the 225 mm 版心 (§5.2.2). */
    static final float BODY = 16f;
    static final float LEADING = 225 * MM / 22;
    /** 2号 (22 pt) title (§7.3.1). */
    static final float TITLE = 22f;
    /** The 版头: the agency's name, red (§7.2.3). */
    static final float MASTHEAD = 30f;
    static final float HEADING = BODY;
    /** 4号 (14 pt) page numbers, 7 mm below the 版心 (§7.5). */
    static final float FOOTER = 14f;
    static final float FOOTER_Y = MARGIN_BOTTOM - 7 * MM - FOOTER * 0.8f;
    /** The stroke that makes the serif face look like 小标宋 in the 版头 and the title (no bold face is embedded). */
    static final float HEAVY_STROKE = 0.6f;

    private static final String NO_LINE_START = "，。、；：？！）」』》〉】〕”’…—·%,.;:!?)]}";
    private static final String NO_LINE_END = "（「『《〈【〔“‘([{";
    private static final String HANGING = "，。、；：？！）」』》”";

    /**
     * A run of text to draw at a baseline position, in one face; {@code stroke} &gt; 0 draws it heavier (fill and
     * stroke), {@code red} in the red of the 版头.
     */
    record TextOp(float x, float y, float size, CjkFont.Face face, float stroke, boolean red, String text) {
    }

    /** A horizontal rule. */
    record RuleOp(float x1, float x2, float y, float width, boolean red) {
    }

    /**
     * Where the seal goes: centred on the signature block, above the middle of its lines (GB/T 9704 §7.3.5.1: the
     * seal presses down on the agency's name and the date, which sit below its centre).
     */
    record SealMark(float centreX, float centreY) {
    }

    record Page(List<TextOp> texts, List<RuleOp> rules, List<SealMark> seals) {
    }

    private final CjkFont font;
    private final List<Page> pages = new ArrayList<>();
    private Page page;
    private float y;
    private boolean masthead;
    private boolean separated;

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
                case LayoutBlock.Masthead m -> {
                    y += MASTHEAD * 0.25f;
                    for (String line : wrap(CjkFont.Face.SONG, m.text().strip(), contentWidth(), contentWidth(),
                            MASTHEAD)) {
                        y -= MASTHEAD * 1.25f;
                        page.texts().add(new TextOp(centre(CjkFont.Face.SONG, line, MASTHEAD), y, MASTHEAD,
                                CjkFont.Face.SONG, HEAVY_STROKE, true, line));
                    }
                    y -= MASTHEAD * 0.6f;
                    masthead = true;
                }
                case LayoutBlock.Title t -> {
                    if (masthead && !separated) { // a 版头 without a 发文字号 still ends with the red separator
                        y -= 4 * MM;
                        page.rules().add(new RuleOp(MARGIN_LEFT, PAGE_WIDTH - MARGIN_RIGHT, y, 1.4f, true));
                        separated = true;
                    }
                    List<String> lines = wrap(CjkFont.Face.SONG, t.text(), contentWidth(), contentWidth(), TITLE);
                    y -= masthead ? LEADING * 0.5f : 0f;
                    for (String line : lines) {
                        ensure(TITLE * 1.6f);
                        y -= TITLE * 1.6f;
                        page.texts().add(new TextOp(centre(CjkFont.Face.SONG, line, TITLE), y, TITLE,
                                CjkFont.Face.SONG, HEAVY_STROKE, false, line));
                    }
                    y -= BODY * 0.8f;
                }
                case LayoutBlock.Subtitle s -> {
                    ensure(LEADING * 2);
                    y -= LEADING;
                    add(centre(CjkFont.Face.SONG, s.text(), BODY), BODY, s.text());
                    y -= 4 * MM; // the separator 4 mm under the 发文字号 (§7.2.6)
                    page.rules().add(new RuleOp(MARGIN_LEFT, PAGE_WIDTH - MARGIN_RIGHT, y, masthead ? 1.4f : 0.8f,
                            masthead));
                    separated = true;
                    y -= BODY * 0.4f;
                }
                case LayoutBlock.Heading h -> {
                    // keep a heading with at least two lines of what follows
                    ensure(LEADING * 3);
                    y -= LEADING * 0.25f;
                    for (String line : wrap(CjkFont.Face.HEI, h.text(), contentWidth() - 2 * BODY,
                            contentWidth() - 2 * BODY, HEADING)) {
                        ensure(LEADING);
                        y -= LEADING;
                        // a first-level heading in 黑体, indented two characters like the paragraphs (§7.3.3)
                        page.texts().add(new TextOp(MARGIN_LEFT + 2 * BODY, y, HEADING, CjkFont.Face.HEI, 0f, false,
                                line));
                    }
                }
                case LayoutBlock.Paragraph p -> {
                    for (String para : p.text().split("\\R")) {
                        if (para.isBlank()) {
                            continue;
                        }
                        float indent = p.indent() ? 2 * BODY : 0f;
                        flow(para.strip(), MARGIN_LEFT + indent, MARGIN_LEFT, BODY);
                    }
                }
                case LayoutBlock.KeyValue kv -> {
                    String label = kv.key().isEmpty() ? "" : kv.key() + "：";
                    float labelWidth = Math.max(7 * BODY, width(CjkFont.Face.SONG, label, BODY)) + 0.5f * BODY;
                    float valueX = MARGIN_LEFT + labelWidth;
                    List<String> lines = wrap(CjkFont.Face.SONG, kv.value(), PAGE_WIDTH - MARGIN_RIGHT - valueX,
                            PAGE_WIDTH - MARGIN_RIGHT - valueX, BODY);
                    ensure(LEADING);
                    y -= LEADING;
                    add(MARGIN_LEFT, BODY, label);
                    for (int l = 0; l < lines.size(); l++) {
                        if (l > 0) {
                            ensure(LEADING);
                            y -= LEADING;
                        }
                        add(valueX, BODY, lines.get(l));
                    }
                }
                case LayoutBlock.ListItem li -> {
                    float markerX = MARGIN_LEFT + 2 * BODY;
                    float textX = markerX + Math.max(1.5f * BODY,
                            width(CjkFont.Face.SONG, li.marker(), BODY) + 0.5f * BODY);
                    List<String> lines = wrap(CjkFont.Face.SONG, li.text(), PAGE_WIDTH - MARGIN_RIGHT - textX,
                            PAGE_WIDTH - MARGIN_RIGHT - textX, BODY);
                    for (int l = 0; l < lines.size(); l++) {
                        ensure(LEADING);
                        y -= LEADING;
                        if (l == 0) {
                            add(markerX, BODY, li.marker());
                        }
                        add(textX, BODY, lines.get(l));
                    }
                }
                case LayoutBlock.Signature s -> {
                    // §7.3.5.1: the date ends four characters from the right, the agency is centred over it
                    List<String> lines = s.lines();
                    String last = lines.getLast();
                    float right = PAGE_WIDTH - MARGIN_RIGHT - 4 * BODY;
                    float centreX = right - width(CjkFont.Face.SONG, last, BODY) / 2;
                    ensure(LEADING * (lines.size() + 2.5f));
                    y -= LEADING * 1.5f;
                    float top = y;
                    for (String line : lines) {
                        y -= LEADING;
                        float w = width(CjkFont.Face.SONG, line, BODY);
                        add(Math.min(centreX - w / 2, PAGE_WIDTH - MARGIN_RIGHT - w), BODY, line);
                    }
                    page.seals().add(new SealMark(centreX, (top + y) / 2 + BODY * 0.6f));
                }
                case LayoutBlock.Gap g -> y -= LEADING * 0.6f;
            }
        }
        return pages;
    }

    private void flow(String text, float firstX, float restX, float size) {
        float right = PAGE_WIDTH - MARGIN_RIGHT;
        List<String> lines = wrap(CjkFont.Face.SONG, text, right - firstX, right - restX, size);
        for (int l = 0; l < lines.size(); l++) {
            ensure(LEADING);
            y -= LEADING;
            add(l == 0 ? firstX : restX, size, lines.get(l));
        }
    }

    private void add(float x, float size, String text) {
        if (!text.isEmpty()) {
            page.texts().add(new TextOp(x, y, size, CjkFont.Face.SONG, 0f, false, text));
        }
    }

    private float centre(CjkFont.Face face, String text, float size) {
        return (PAGE_WIDTH - width(face, text, size)) / 2;
    }

    /** Starts a new page when less than {@code height} is left above the bottom margin. */
    private void ensure(float height) {
        if (y - height < MARGIN_BOTTOM - 2f && !page.texts().isEmpty()) {
            newPage();
        }
    }

    private void newPage() {
        page = new Page(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        pages.add(page);
        y = PAGE_HEIGHT - MARGIN_TOP;
    }

    float width(CjkFont.Face face, String text, float size) {
        return width(face, text, 0, text.length(), size);
    }

    private float width(CjkFont.Face face, String text, int from, int to, float size) {
        float w = 0;
        for (int i = from; i < to; ) {
            int cp = text.codePointAt(i);
            w += advance(face, cp);
            i += Character.charCount(cp);
        }
        return w * size / 1000f;
    }

    private float advance(CjkFont.Face face, int cp) {
        float a = font.advance(face, cp);
        if (a < 0) {
            throw new DocumentRenderingException(String.format(
                    "character U+%04X '%s' is not in the font %s; it cannot be printed",
                    cp, new String(Character.toChars(cp)), font.face(face).postScriptName()));
        }
        return a;
    }

    /**
     * Greedy line breaking by width. Breaks are allowed between atoms (one CJK character, or one run of
     * Latin letters/digits) unless a 禁则 rule forbids it.
     */
    List<String> wrap(CjkFont.Face face, String text, float firstWidth, float restWidth, float size) {
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
            float aw = width(face, text, i, atomEnd, size);
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
                    w = width(face, text, lineStart, Math.max(lineStart, i), size);
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
                aw = width(face, text, i, atomEnd, size);
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
