package cn.gov.eco.notice.document;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFTable;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The CJK font used by the documents, read once and embedded as a subset into each PDF.
 *
 * <p>At construction the first face of the TrueType collection is copied out into a standalone TrueType
 * font held in memory (PDFBox subsets a standalone face correctly; see ARCHITECTURE.md, Fonts), and the
 * advance widths of the Basic Multilingual Plane are tabulated for line breaking.
 *
 * <p>A parsed {@link TrueTypeFont} reads its tables lazily through one shared, seekable stream, so it
 * must not be used by two documents at the same time. This class therefore keeps a small pool of parsed
 * copies of the same face bytes: a render borrows one, embeds a subset of it, and returns it. Parsing
 * happens only when the pool is empty, i.e. at most once per concurrently rendering thread.
 */
public final class CjkFont {

    /** Debian's {@code fonts-wqy-microhei}: Apache-2.0 or GPL-3 with the font embedding exception. */
    public static final Path DEFAULT_PATH = Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");

    private static final int BMP = 0x10000;

    private final Path source;
    private final String postScriptName;
    private final byte[] faceBytes;
    /** Advance width in 1/1000 em per BMP code point; negative when the font has no glyph for it. */
    private final float[] advance;
    private final Metrics metrics;
    private final float unitsScale;
    private final ConcurrentLinkedQueue<TrueTypeFont> pool = new ConcurrentLinkedQueue<>();
    private final AtomicInteger parsedCopies = new AtomicInteger();

    /** Font-wide values of the PDF font descriptor, in 1/1000 em. */
    record Metrics(float[] bbox, float ascent, float descent, float capHeight, int stemV) {
    }

    private CjkFont(Path source, String postScriptName, byte[] faceBytes, float[] advance, Metrics metrics,
                    float unitsScale) {
        this.metrics = metrics;
        this.unitsScale = unitsScale;
        this.source = source;
        this.postScriptName = postScriptName;
        this.faceBytes = faceBytes;
        this.advance = advance;
    }

    /** Loads the Debian WenQuanYi Micro Hei font from {@link #DEFAULT_PATH}. */
    public static CjkFont loadDefault() {
        return load(DEFAULT_PATH);
    }

    /**
     * Loads a font file: a TrueType collection ({@code .ttc}, first face used) or a TrueType font
     * ({@code .ttf}). TrueType outlines only: PDFBox cannot subset CFF-based CJK fonts such as Noto CJK.
     *
     * @throws FontUnavailableException when the file is missing or unreadable
     */
    public static CjkFont load(Path path) {
        if (path == null || !Files.isReadable(path)) {
            throw new FontUnavailableException("CJK font not found at " + path
                    + "; install it with `apt-get install fonts-wqy-microhei` or pass the path of another"
                    + " TrueType CJK font whose licence allows embedding");
        }
        try {
            byte[] face;
            if (path.getFileName().toString().toLowerCase().endsWith(".ttc")) {
                try (TrueTypeCollection collection = new TrueTypeCollection(path.toFile())) {
                    List<byte[]> faces = new ArrayList<>();
                    collection.processAllFonts(ttf -> {
                        if (faces.isEmpty()) {
                            faces.add(copyFace(ttf));
                        }
                    });
                    if (faces.isEmpty()) {
                        throw new FontUnavailableException("font collection " + path + " has no face");
                    }
                    face = faces.get(0);
                }
            } else {
                face = Files.readAllBytes(path);
            }
            try (TrueTypeFont ttf = parse(face)) {
                float[] widths = tabulateAdvances(ttf);
                float scale = 1000f / ttf.getUnitsPerEm();
                var head = ttf.getHeader();
                var hhea = ttf.getHorizontalHeader();
                var os2 = ttf.getOS2Windows();
                float capHeight = os2 != null && os2.getCapHeight() > 0 ? os2.getCapHeight() * scale : hhea.getAscender() * scale;
                int weight = os2 != null ? os2.getWeightClass() : 400;
                Metrics metrics = new Metrics(
                        new float[] {head.getXMin() * scale, head.getYMin() * scale, head.getXMax() * scale, head.getYMax() * scale},
                        hhea.getAscender() * scale, hhea.getDescender() * scale, capHeight,
                        // the usual estimate of the dominant vertical stem from the weight class
                        Math.round(10 + 220 * (weight - 50) / 900f));
                return new CjkFont(path, ttf.getName(), face, widths, metrics, scale);
            }
        } catch (IOException e) {
            throw new FontUnavailableException("cannot read CJK font " + path + ": " + e.getMessage()
                    + "; reinstall it with `apt-get install --reinstall fonts-wqy-microhei`", e);
        }
    }

    public Path source() {
        return source;
    }

    public String postScriptName() {
        return postScriptName;
    }

    /** How many parsed copies of the face exist (one per thread that rendered concurrently). */
    public int parsedCopies() {
        return parsedCopies.get();
    }

    /** Width of a code point in 1/1000 em, or a negative number when the font has no glyph for it. */
    float advance(int codePoint) {
        return codePoint < BMP ? advance[codePoint] : -1f;
    }

    Metrics metrics() {
        return metrics;
    }

    /** Advance width of a glyph id of {@code ttf} (a parsed copy of this face) in 1/1000 em. */
    float glyphAdvance(TrueTypeFont ttf, int gid) throws IOException {
        return ttf.getAdvanceWidth(gid) * unitsScale;
    }

    boolean hasGlyph(int codePoint) {
        return advance(codePoint) >= 0f;
    }

    TrueTypeFont borrow() {
        TrueTypeFont ttf = pool.poll();
        if (ttf != null) {
            return ttf;
        }
        try {
            TrueTypeFont parsed = parse(faceBytes);
            parsed.getUnicodeCmapLookup(); // load the cmap now rather than inside a render
            parsedCopies.incrementAndGet();
            return parsed;
        } catch (IOException e) {
            throw new FontUnavailableException("cannot parse CJK font " + source + ": " + e.getMessage(), e);
        }
    }

    void giveBack(TrueTypeFont ttf) {
        pool.offer(ttf);
    }

    private static TrueTypeFont parse(byte[] face) throws IOException {
        return new TTFParser().parse(new RandomAccessReadBuffer(face));
    }

    private static float[] tabulateAdvances(TrueTypeFont ttf) throws IOException {
        CmapLookup cmap = ttf.getUnicodeCmapLookup();
        float scale = 1000f / ttf.getUnitsPerEm();
        float[] widths = new float[BMP];
        for (int cp = 0; cp < BMP; cp++) {
            int gid = cmap.getGlyphId(cp);
            widths[cp] = gid == 0 ? -1f : ttf.getAdvanceWidth(gid) * scale;
        }
        return widths;
    }

    /** Writes one face of a collection as a standalone sfnt file: same tables, offsets made local. */
    private static byte[] copyFace(TrueTypeFont ttf) throws IOException {
        Map<String, byte[]> tables = new TreeMap<>(); // sfnt table records are sorted by tag
        for (TTFTable table : ttf.getTables()) {
            tables.put(table.getTag(), ttf.getTableBytes(table));
        }
        int numTables = tables.size();
        int entrySelector = 31 - Integer.numberOfLeadingZeros(numTables);
        int searchRange = (1 << entrySelector) * 16;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(6 * 1024 * 1024);
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x00010000);
        out.writeShort(numTables);
        out.writeShort(searchRange);
        out.writeShort(entrySelector);
        out.writeShort(numTables * 16 - searchRange);
        long offset = 12L + 16L * numTables;
        for (Map.Entry<String, byte[]> e : tables.entrySet()) {
            byte[] data = e.getValue();
            out.writeBytes(e.getKey());
            out.writeInt((int) checksum(data));
            out.writeInt((int) offset);
            out.writeInt(data.length);
            offset += (data.length + 3) & ~3;
        }
        for (byte[] data : tables.values()) {
            out.write(data);
            for (int pad = ((data.length + 3) & ~3) - data.length; pad > 0; pad--) {
                out.write(0);
            }
        }
        out.flush();
        return bytes.toByteArray();
    }

    private static long checksum(byte[] data) {
        long sum = 0;
        for (int i = 0; i < data.length; i += 4) {
            long word = 0;
            for (int j = 0; j < 4; j++) {
                word = (word << 8) | (i + j < data.length ? data[i + j] & 0xFF : 0);
            }
            sum = (sum + word) & 0xFFFFFFFFL;
        }
        return sum;
    }
}
