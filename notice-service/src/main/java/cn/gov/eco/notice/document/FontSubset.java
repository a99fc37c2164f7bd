package cn.gov.eco.notice.document;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * The subset of one face for some code points, as a Type 0 font with a CIDFontType2 descendant (ISO 32000-1 §9.7),
 * and the encoding of text for it. Immutable: the subset of a template's fixed text is made once and embedded into
 * every document of that template as it is (its program and ToUnicode CMap compressed once), and a document adds a
 * small subset of its own for the characters of its fields that the template's subset lacks.
 *
 * <p>Why not {@code PDType0Font.load(doc, ttf, true)}: with a 30,000-glyph CJK face PDFBox 3 first builds a width
 * array and a CIDToGIDMap covering every glyph of the font, then replaces them at save time. Here only the glyphs used
 * are touched: the subset is written by {@link TrueTypeFace#subset} from arrays read at start, CIDs are the subset's
 * glyph ids ({@code /CIDToGIDMap /Identity}), and the ToUnicode CMap is written from the code points actually drawn,
 * so text extracts as exactly the characters written (no Kangxi radicals for glyphs that several code points share).
 */
final class FontSubset {

    private final BitSet codePoints;
    private final char[] cidByCodePoint;
    private final String baseFont;
    private final CjkFont.Metrics metrics;
    private final boolean compressed;
    private final byte[] program;
    private final int programLength;
    private final byte[] toUnicode;
    private final int defaultWidth;
    /** Runs of widths other than the default: first CID, then the widths. */
    private final int[][] widthRuns;

    private FontSubset(BitSet codePoints, char[] cidByCodePoint, String baseFont, CjkFont.Metrics metrics,
                       boolean compressed, byte[] program, int programLength, byte[] toUnicode, int defaultWidth, int[][] widthRuns) {
        this.codePoints = codePoints;
        this.cidByCodePoint = cidByCodePoint;
        this.baseFont = baseFont;
        this.metrics = metrics;
        this.compressed = compressed;
        this.program = program;
        this.programLength = programLength;
        this.toUnicode = toUnicode;
        this.defaultWidth = defaultWidth;
        this.widthRuns = widthRuns;
    }

    /**
     * @param codePoints the code points to include (BMP only; the layout has checked the face has them)
     */
    static FontSubset of(TrueTypeFace face, BitSet codePoints) {
        return of(face, codePoints, true);
    }

    /**
     * A document's own subset, written uncompressed: glyph outlines barely compress (about 2:1) and deflating them
     * cost more CPU than the rest of the document; hashing the extra bytes for the seal costs a tenth of that.
     */
    static FontSubset own(TrueTypeFace face, BitSet codePoints) {
        return of(face, codePoints, false);
    }

    private static FontSubset of(TrueTypeFace face, BitSet codePoints, boolean compress) {
        BitSet included = (BitSet) codePoints.clone();
        int[] faceGlyphs = new int[included.cardinality()];
        int k = 0;
        for (int cp = included.nextSetBit(0); cp >= 0; cp = included.nextSetBit(cp + 1)) {
            faceGlyphs[k++] = face.glyph(cp);
        }
        TrueTypeFace.Subset subset = face.subset(faceGlyphs);
        char[] cidByCodePoint = new char[included.length()];
        for (int cp = included.nextSetBit(0); cp >= 0; cp = included.nextSetBit(cp + 1)) {
            cidByCodePoint[cp] = (char) subset.newId(face.glyph(cp));
        }
        // Widths (ISO 32000-1 §9.7.4.3): the commonest one, the full width of the CJK glyphs, as /DW, and the
        // others as runs of consecutive CIDs "c [w1 w2 …]". A document is signed without object streams, so an
        // array of one entry per glyph would be kilobytes of uncompressed text in every PDF.
        int[] glyphs = subset.glyphs();
        int[] advances = new int[glyphs.length];
        Map<Integer, Integer> counts = new HashMap<>();
        for (int cid = 0; cid < glyphs.length; cid++) {
            advances[cid] = face.glyphAdvance(glyphs[cid]);
            counts.merge(advances[cid], 1, Integer::sum);
        }
        int defaultWidth = counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(1000);
        List<int[]> runs = new ArrayList<>();
        int cid = 0;
        while (cid < glyphs.length) {
            if (advances[cid] == defaultWidth) {
                cid++;
                continue;
            }
            int start = cid;
            while (cid < glyphs.length && advances[cid] != defaultWidth) {
                cid++;
            }
            int[] run = new int[cid - start + 1];
            run[0] = start;
            System.arraycopy(advances, start, run, 1, cid - start);
            runs.add(run);
        }
        byte[] program = subset.program();
        return new FontSubset(included, cidByCodePoint, tag(included) + "+" + face.postScriptName(), face.metrics(),
                compress, compress ? Streams.deflate(program) : program, program.length,
                compress ? Streams.deflate(toUnicode(included, cidByCodePoint).getBytes(StandardCharsets.US_ASCII))
                        : toUnicode(included, cidByCodePoint).getBytes(StandardCharsets.US_ASCII),
                defaultWidth, runs.toArray(int[][]::new));
    }

    /** Whether this subset has the glyph of {@code c}. */
    boolean has(char c) {
        return codePoints.get(c);
    }

    boolean isEmpty() {
        return codePoints.isEmpty();
    }

    /** The font dictionary of this subset in {@code doc}: new objects, the compressed streams copied as they are. */
    COSDictionary embed(PDDocument doc) throws IOException {
        COSStream fontFile = compressed ? Streams.compressed(doc, program) : Streams.raw(doc, program);
        fontFile.setInt(COSName.LENGTH1, programLength);

        COSDictionary descriptor = new COSDictionary();
        descriptor.setItem(COSName.TYPE, COSName.FONT_DESC);
        descriptor.setName(COSName.FONT_NAME, baseFont);
        descriptor.setInt(COSName.FLAGS, 4); // symbolic: glyphs outside the standard Latin set
        COSArray bbox = new COSArray();
        for (float v : metrics.bbox()) {
            bbox.add(new COSFloat(v));
        }
        descriptor.setItem(COSName.FONT_BBOX, bbox);
        descriptor.setInt(COSName.ITALIC_ANGLE, 0);
        descriptor.setFloat(COSName.ASCENT, metrics.ascent());
        descriptor.setFloat(COSName.DESCENT, metrics.descent());
        descriptor.setFloat(COSName.CAP_HEIGHT, metrics.capHeight());
        descriptor.setInt(COSName.STEM_V, metrics.stemV());
        descriptor.setItem(COSName.FONT_FILE2, fontFile);

        COSDictionary systemInfo = new COSDictionary();
        systemInfo.setString(COSName.REGISTRY, "Adobe");
        systemInfo.setString(COSName.ORDERING, "Identity");
        systemInfo.setInt(COSName.SUPPLEMENT, 0);

        COSArray widths = new COSArray();
        for (int[] run : widthRuns) {
            widths.add(COSInteger.get(run[0]));
            COSArray w = new COSArray();
            for (int i = 1; i < run.length; i++) {
                w.add(COSInteger.get(run[i]));
            }
            widths.add(w);
        }

        COSDictionary cidFont = new COSDictionary();
        cidFont.setItem(COSName.TYPE, COSName.FONT);
        cidFont.setItem(COSName.SUBTYPE, COSName.CID_FONT_TYPE2);
        cidFont.setName(COSName.BASE_FONT, baseFont);
        cidFont.setItem(COSName.CIDSYSTEMINFO, systemInfo);
        cidFont.setItem(COSName.FONT_DESC, descriptor);
        cidFont.setInt(COSName.DW, defaultWidth);
        cidFont.setItem(COSName.W, widths);
        cidFont.setItem(COSName.CID_TO_GID_MAP, COSName.IDENTITY);

        COSArray descendants = new COSArray();
        descendants.add(cidFont);
        COSDictionary type0 = new COSDictionary();
        type0.setItem(COSName.TYPE, COSName.FONT);
        type0.setItem(COSName.SUBTYPE, COSName.TYPE0);
        type0.setName(COSName.BASE_FONT, baseFont);
        type0.setItem(COSName.ENCODING, COSName.IDENTITY_H);
        type0.setItem(COSName.DESCENDANT_FONTS, descendants);
        type0.setItem(COSName.TO_UNICODE, compressed ? Streams.compressed(doc, toUnicode) : Streams.raw(doc, toUnicode));
        return type0;
    }

    /** Appends {@code text[from, to)} as a hex string of two-byte CIDs, e.g. {@code <0003001A>}. */
    void appendHex(StringBuilder out, String text, int from, int to) {
        out.append('<');
        for (int i = from; i < to; i++) {
            char cid = cidByCodePoint[text.charAt(i)];
            out.append(HEX[(cid >> 12) & 0xF]).append(HEX[(cid >> 8) & 0xF])
               .append(HEX[(cid >> 4) & 0xF]).append(HEX[cid & 0xF]);
        }
        out.append('>');
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private static String toUnicode(BitSet codePoints, char[] cidByCodePoint) {
        StringBuilder cmap = new StringBuilder(codePoints.cardinality() * 14 + 512);
        cmap.append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
            .append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n")
            .append("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n")
            .append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        // one entry per CID; when two code points share a glyph the first one is kept
        char[] codePointByCid = new char[0x10000];
        int entries = 0;
        int maxCid = 0;
        for (int cp = codePoints.nextSetBit(0); cp >= 0; cp = codePoints.nextSetBit(cp + 1)) {
            char cid = cidByCodePoint[cp];
            if (cid != 0 && codePointByCid[cid] == 0) {
                codePointByCid[cid] = (char) cp;
                entries++;
                maxCid = Math.max(maxCid, cid);
            }
        }
        int inBlock = 0;
        int remaining = entries;
        for (int cid = 1; cid <= maxCid; cid++) {
            if (codePointByCid[cid] == 0) {
                continue;
            }
            if (inBlock == 0) {
                cmap.append(Math.min(100, remaining)).append(" beginbfchar\n");
            }
            hex4(cmap.append('<'), cid).append("> <");
            hex4(cmap, codePointByCid[cid]).append(">\n");
            remaining--;
            if (++inBlock == 100 || remaining == 0) {
                cmap.append("endbfchar\n");
                inBlock = 0;
            }
        }
        cmap.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        return cmap.toString();
    }

    private static StringBuilder hex4(StringBuilder out, int v) {
        return out.append(HEX[(v >> 12) & 0xF]).append(HEX[(v >> 8) & 0xF]).append(HEX[(v >> 4) & 0xF])
                .append(HEX[v & 0xF]);
    }

    /** A six-letter subset tag derived from the glyph set (ISO 32000-1 §9.6.4). */
    private static String tag(BitSet codePoints) {
        long h = 1125899906842597L;
        for (int cp = codePoints.nextSetBit(0); cp >= 0; cp = codePoints.nextSetBit(cp + 1)) {
            h = 31 * h + cp;
        }
        h &= Long.MAX_VALUE;
        char[] tag = new char[6];
        for (int i = 0; i < 6; i++) {
            tag[i] = (char) ('A' + (h % 26));
            h /= 26;
        }
        return new String(tag);
    }
}
