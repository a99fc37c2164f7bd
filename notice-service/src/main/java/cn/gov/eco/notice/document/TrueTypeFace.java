package cn.gov.eco.notice.document;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFTable;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * One TrueType face, read once and kept in memory as plain arrays: the glyph id of every BMP code point, the advance
 * widths, the {@code glyf} table and its offsets, and the bytes of the tables a subset copies unchanged. Immutable and
 * shared by every thread that renders; nothing is parsed again per document.
 *
 * <p>{@link #subset} writes a TrueType program with only the glyphs a document draws (and the components of composite
 * glyphs), renumbered from 1 in the order of their ids in this face: the glyph data are copied as bytes, the
 * {@code loca}, {@code hmtx}, {@code maxp}, {@code hhea} and {@code head} tables are written from the arrays. FontBox's
 * {@code TTFSubsetter} does the same through sorted maps and re-reads the tables of a parsed font, which was about
 * half of the rendering time (profiled with JFR, notice-service/README.md "Documents").
 */
final class TrueTypeFace {

    private static final int BMP = 0x10000;
    /** Tables a CIDFontType2 program needs that are copied unchanged (no cmap, name or post: the PDF supplies those). */
    private static final List<String> COPIED = List.of("cvt ", "fpgm", "prep", "gasp");

    private final Path source;
    private final String postScriptName;
    private final int unitsPerEm;
    private final char[] gidByCodePoint;
    private final int[] advance;  // font units per glyph
    private final short[] lsb;
    private final byte[] glyf;
    private final int[] loca;     // numGlyphs + 1 offsets into glyf
    private final byte[] head;
    private final byte[] hhea;
    private final byte[] maxp;
    private final Map<String, byte[]> copied;
    private final CjkFont.Metrics metrics;

    private TrueTypeFace(Path source, TrueTypeFont ttf) throws IOException {
        this.source = source;
        this.postScriptName = ttf.getName();
        this.unitsPerEm = ttf.getUnitsPerEm();
        int numGlyphs = ttf.getNumberOfGlyphs();
        Map<String, byte[]> tables = new TreeMap<>();
        for (TTFTable table : ttf.getTables()) {
            tables.put(table.getTag(), ttf.getTableBytes(table));
        }
        for (String required : List.of("head", "hhea", "maxp", "loca", "glyf", "hmtx")) {
            if (!tables.containsKey(required)) {
                throw new IOException("the face " + postScriptName + " has no " + required
                        + " table: only TrueType outlines can be embedded");
            }
        }
        head = tables.get("head");
        hhea = tables.get("hhea");
        maxp = tables.get("maxp");
        glyf = tables.get("glyf");
        ByteBuffer headBuffer = ByteBuffer.wrap(head);
        boolean longOffsets = headBuffer.getShort(50) != 0;
        ByteBuffer locaBuffer = ByteBuffer.wrap(tables.get("loca"));
        loca = new int[numGlyphs + 1];
        for (int g = 0; g <= numGlyphs; g++) {
            loca[g] = longOffsets ? locaBuffer.getInt(4 * g) : (locaBuffer.getShort(2 * g) & 0xFFFF) * 2;
        }
        int hMetrics = ByteBuffer.wrap(hhea).getShort(34) & 0xFFFF;
        ByteBuffer hmtx = ByteBuffer.wrap(tables.get("hmtx"));
        advance = new int[numGlyphs];
        lsb = new short[numGlyphs];
        for (int g = 0; g < numGlyphs; g++) {
            if (g < hMetrics) {
                advance[g] = hmtx.getShort(4 * g) & 0xFFFF;
                lsb[g] = hmtx.getShort(4 * g + 2);
            } else {
                advance[g] = advance[hMetrics - 1];
                int at = 4 * hMetrics + 2 * (g - hMetrics);
                lsb[g] = at + 1 < hmtx.capacity() ? hmtx.getShort(at) : 0;
            }
        }
        Map<String, byte[]> keep = new LinkedHashMap<>();
        for (String tag : COPIED) {
            if (tables.containsKey(tag)) {
                keep.put(tag, tables.get(tag));
            }
        }
        copied = Map.copyOf(keep);
        gidByCodePoint = new char[BMP];
        CmapLookup cmap = ttf.getUnicodeCmapLookup();
        for (int cp = 0; cp < BMP; cp++) {
            int gid = cmap.getGlyphId(cp);
            gidByCodePoint[cp] = gid > 0 && gid < numGlyphs ? (char) gid : 0;
        }
        float scale = 1000f / unitsPerEm;
        var h = ttf.getHeader();
        var hh = ttf.getHorizontalHeader();
        var os2 = ttf.getOS2Windows();
        float capHeight = os2 != null && os2.getCapHeight() > 0 ? os2.getCapHeight() * scale : hh.getAscender() * scale;
        int weight = os2 != null ? os2.getWeightClass() : 400;
        metrics = new CjkFont.Metrics(
                new float[] {h.getXMin() * scale, h.getYMin() * scale, h.getXMax() * scale, h.getYMax() * scale},
                hh.getAscender() * scale, hh.getDescender() * scale, capHeight,
                // the usual estimate of the dominant vertical stem from the weight class
                Math.round(10 + 220 * (weight - 50) / 900f));
    }

    /**
     * Reads a TrueType font ({@code .ttf}) or the first face of a collection ({@code .ttc}).
     *
     * @throws IOException when the file cannot be read or has no TrueType outlines
     */
    static TrueTypeFace read(Path path) throws IOException {
        if (path.getFileName().toString().toLowerCase().endsWith(".ttc")) {
            try (TrueTypeCollection collection = new TrueTypeCollection(path.toFile())) {
                TrueTypeFace[] first = new TrueTypeFace[1];
                IOException[] failure = new IOException[1];
                collection.processAllFonts(ttf -> {
                    if (first[0] == null && failure[0] == null) {
                        try {
                            first[0] = new TrueTypeFace(path, ttf);
                        } catch (IOException e) {
                            failure[0] = e;
                        }
                    }
                });
                if (failure[0] != null) {
                    throw failure[0];
                }
                if (first[0] == null) {
                    throw new IOException("font collection " + path + " has no face");
                }
                return first[0];
            }
        }
        try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(Files.readAllBytes(path)))) {
            return new TrueTypeFace(path, ttf);
        }
    }

    Path source() {
        return source;
    }

    String postScriptName() {
        return postScriptName;
    }

    CjkFont.Metrics metrics() {
        return metrics;
    }

    /** The glyph of a BMP code point, 0 when the face has none. */
    int glyph(int codePoint) {
        return codePoint < BMP ? gidByCodePoint[codePoint] : 0;
    }

    /** Width of a code point in 1/1000 em, or a negative number when the face has no glyph for it. */
    float advance(int codePoint) {
        int gid = glyph(codePoint);
        return gid == 0 ? -1f : advance[gid] * 1000f / unitsPerEm;
    }

    /** Width of a glyph of this face in 1/1000 em, rounded as the PDF's width array states it. */
    int glyphAdvance(int gid) {
        return Math.round(advance[gid] * 1000f / unitsPerEm);
    }

    int unitsPerEm() {
        return unitsPerEm;
    }

    /**
     * The outlines of some characters in font units, read again from the file: for drawings made once (the development
     * seal), never per document.
     */
    List<java.awt.geom.GeneralPath> outlines(String text) throws IOException {
        List<java.awt.geom.GeneralPath> paths = new java.util.ArrayList<>();
        IOException[] failure = new IOException[1];
        java.util.function.Consumer<TrueTypeFont> read = ttf -> {
            try {
                var glyphs = ttf.getGlyph();
                text.codePoints().forEach(cp -> {
                    try {
                        var data = glyphs.getGlyph(glyph(cp));
                        paths.add(data == null ? new java.awt.geom.GeneralPath() : data.getPath());
                    } catch (IOException e) {
                        failure[0] = e;
                    }
                });
            } catch (IOException e) {
                failure[0] = e;
            }
        };
        if (source.getFileName().toString().toLowerCase().endsWith(".ttc")) {
            try (TrueTypeCollection collection = new TrueTypeCollection(source.toFile())) {
                collection.processAllFonts(ttf -> {
                    if (paths.isEmpty() && failure[0] == null && ttf.getName().equals(postScriptName)) {
                        read.accept(ttf);
                    }
                });
            }
        } else {
            try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(Files.readAllBytes(source)))) {
                read.accept(ttf);
            }
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        return paths;
    }

    /**
     * A subset: {@code glyphs[newId]} is the id in this face of the subset's glyph {@code newId}; glyph 0 is .notdef.
     */
    record Subset(int[] glyphs, byte[] program) {

        /** The subset's id of a glyph of the face (its CID in the PDF), 0 when it is not in the subset. */
        int newId(int faceGlyph) {
            int i = Arrays.binarySearch(glyphs, faceGlyph);
            return i < 0 ? 0 : i;
        }
    }

    /**
     * Writes the TrueType program of the given glyphs of this face (ids of this face, any order, duplicates allowed),
     * plus .notdef and the components of composite glyphs.
     */
    Subset subset(int[] faceGlyphs) {
        int[] sorted = closure(faceGlyphs);
        int n = sorted.length;
        int[] newLoca = new int[n + 1];
        int size = 0;
        for (int i = 0; i < n; i++) {
            newLoca[i] = size;
            int length = loca[sorted[i] + 1] - loca[sorted[i]];
            size += (length + 3) & ~3;
        }
        newLoca[n] = size;
        byte[] newGlyf = new byte[size];
        for (int i = 0; i < n; i++) {
            int g = sorted[i];
            int length = loca[g + 1] - loca[g];
            System.arraycopy(glyf, loca[g], newGlyf, newLoca[i], length);
            if (length > 0 && (short) (((glyf[loca[g]] & 0xFF) << 8) | (glyf[loca[g] + 1] & 0xFF)) < 0) {
                renumberComponents(newGlyf, newLoca[i], sorted);
            }
        }
        ByteBuffer locaOut = ByteBuffer.allocate(4 * (n + 1));
        for (int offset : newLoca) {
            locaOut.putInt(offset);
        }
        ByteBuffer hmtxOut = ByteBuffer.allocate(4 * n);
        for (int g : sorted) {
            hmtxOut.putShort((short) advance[g]).putShort(lsb[g]);
        }
        byte[] newMaxp = maxp.clone();
        ByteBuffer.wrap(newMaxp).putShort(4, (short) n);
        byte[] newHhea = hhea.clone();
        ByteBuffer.wrap(newHhea).putShort(34, (short) n);
        byte[] newHead = head.clone();
        ByteBuffer.wrap(newHead).putInt(8, 0).putShort(50, (short) 1); // checksum adjustment later; long loca
        Map<String, byte[]> tables = new TreeMap<>(copied); // table records sorted by tag
        tables.put("glyf", newGlyf);
        tables.put("head", newHead);
        tables.put("hhea", newHhea);
        tables.put("hmtx", hmtxOut.array());
        tables.put("loca", locaOut.array());
        tables.put("maxp", newMaxp);
        return new Subset(sorted, sfnt(tables));
    }

    /** The glyphs, .notdef and every component of a composite glyph (at any depth), sorted and distinct. */
    private int[] closure(int[] faceGlyphs) {
        int[] work = Arrays.copyOf(faceGlyphs, Math.max(16, faceGlyphs.length * 2 + 1));
        int count = faceGlyphs.length;
        work[count++] = 0;
        for (int i = 0; i < count; i++) { // grows while composites add their components
            int start = loca[work[i]];
            if (loca[work[i] + 1] - start <= 0 || (short) u16(glyf, start) >= 0) {
                continue;
            }
            int at = start + 10;
            int flags;
            do {
                flags = u16(glyf, at);
                if (count == work.length) {
                    work = Arrays.copyOf(work, work.length * 2);
                }
                work[count++] = u16(glyf, at + 2);
                at = nextComponent(at, flags);
            } while ((flags & MORE_COMPONENTS) != 0);
        }
        Arrays.sort(work, 0, count);
        int[] sorted = Arrays.copyOf(work, count);
        return Arrays.copyOf(sorted, distinct(sorted));
    }

    private static int distinct(int[] sorted) {
        int n = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[n++] = sorted[i];
            }
        }
        return n;
    }

    private static final int ARG_1_AND_2_ARE_WORDS = 0x0001;
    private static final int WE_HAVE_A_SCALE = 0x0008;
    private static final int MORE_COMPONENTS = 0x0020;
    private static final int WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
    private static final int WE_HAVE_A_TWO_BY_TWO = 0x0080;

    private void renumberComponents(byte[] data, int start, int[] sorted) {
        int at = start + 10;
        int flags;
        do {
            flags = u16(data, at);
            int old = u16(data, at + 2);
            int renumbered = Arrays.binarySearch(sorted, old);
            data[at + 2] = (byte) (renumbered >> 8);
            data[at + 3] = (byte) renumbered;
            at = nextComponent(at, flags);
        } while ((flags & MORE_COMPONENTS) != 0);
    }

    private static int nextComponent(int at, int flags) {
        at += 4 + ((flags & ARG_1_AND_2_ARE_WORDS) != 0 ? 4 : 2);
        if ((flags & WE_HAVE_A_SCALE) != 0) {
            at += 2;
        } else if ((flags & WE_HAVE_AN_X_AND_Y_SCALE) != 0) {
            at += 4;
        } else if ((flags & WE_HAVE_A_TWO_BY_TWO) != 0) {
            at += 8;
        }
        return at;
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }

    /** An sfnt file of the tables (sorted by tag), with checksums and the head's checksum adjustment. */
    private static byte[] sfnt(Map<String, byte[]> tables) {
        int numTables = tables.size();
        int entrySelector = 31 - Integer.numberOfLeadingZeros(numTables);
        int searchRange = (1 << entrySelector) * 16;
        int size = 12 + 16 * numTables;
        for (byte[] data : tables.values()) {
            size += (data.length + 3) & ~3;
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.putInt(0x00010000).putShort((short) numTables).putShort((short) searchRange)
                .putShort((short) entrySelector).putShort((short) (numTables * 16 - searchRange));
        int offset = 12 + 16 * numTables;
        int headOffset = -1;
        for (Map.Entry<String, byte[]> e : tables.entrySet()) {
            byte[] data = e.getValue();
            for (int i = 0; i < 4; i++) {
                out.put((byte) e.getKey().charAt(i));
            }
            out.putInt((int) checksum(data, 0, data.length)).putInt(offset).putInt(data.length);
            if (e.getKey().equals("head")) {
                headOffset = offset;
            }
            offset += (data.length + 3) & ~3;
        }
        for (byte[] data : tables.values()) {
            out.put(data);
            out.position((out.position() + 3) & ~3);
        }
        byte[] font = out.array();
        long adjustment = (0xB1B0AFBAL - checksum(font, 0, font.length)) & 0xFFFFFFFFL;
        ByteBuffer.wrap(font).putInt(headOffset + 8, (int) adjustment);
        return font;
    }

    private static long checksum(byte[] data, int from, int length) {
        long sum = 0;
        int end = from + length;
        int i = from;
        for (; i + 3 < end; i += 4) {
            sum += ((data[i] & 0xFFL) << 24) | ((data[i + 1] & 0xFFL) << 16) | ((data[i + 2] & 0xFFL) << 8)
                    | (data[i + 3] & 0xFFL);
        }
        long word = 0;
        for (int j = 0; j < 4; j++) {
            word = (word << 8) | (i + j < end ? data[i + j] & 0xFF : 0);
        }
        if (i < end) {
            sum += word;
        }
        return sum & 0xFFFFFFFFL;
    }
}
