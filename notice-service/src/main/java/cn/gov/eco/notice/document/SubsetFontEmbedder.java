package cn.gov.eco.notice.document;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDStream;

/**
 * Embeds the subset of the CJK font that one document uses, as a Type 0 font with a CIDFontType2
 * descendant (ISO 32000-1 §9.7), and encodes text for it.
 *
 * <p>Why not {@code PDType0Font.load(doc, ttf, true)}: with a 30,000-glyph CJK face PDFBox 3.0.7 first
 * builds a width array and a CIDToGIDMap covering every glyph of the font, then replaces them at save
 * time — about 70 % of the render time was spent there. Here only the glyphs used are touched: the
 * subset is written by FontBox's {@link TTFSubsetter}, CIDs are the subset's glyph ids
 * ({@code /CIDToGIDMap /Identity}), and the ToUnicode CMap is written from the code points actually
 * drawn, so text extracts as exactly the characters written (no Kangxi radicals for glyphs that several
 * code points share).
 */
final class SubsetFontEmbedder {

    /** Tables a CIDFontType2 program needs (no cmap, name or post: the PDF supplies those). */
    private static final List<String> TABLES =
            List.of("head", "hhea", "loca", "maxp", "cvt ", "prep", "glyf", "hmtx", "fpgm", "gasp");

    private final char[] cidByCodePoint = new char[0x10000];
    private final COSDictionary type0;

    /**
     * @param codePoints every code point the document draws (BMP only; the layout has checked the font has them)
     */
    SubsetFontEmbedder(PDDocument doc, TrueTypeFont ttf, CjkFont font, SortedSet<Integer> codePoints)
            throws IOException {
        TTFSubsetter subsetter = new TTFSubsetter(ttf, TABLES);
        subsetter.addAll(codePoints);
        Map<Integer, Integer> newToOld = subsetter.getGIDMap();
        int[] oldToNewKeys = new int[newToOld.size()];
        int[] oldToNewValues = new int[newToOld.size()];
        int k = 0;
        for (Map.Entry<Integer, Integer> e : newToOld.entrySet()) { // sorted by new gid = sorted by old gid
            oldToNewKeys[k] = e.getValue();
            oldToNewValues[k] = e.getKey();
            k++;
        }
        CmapLookup cmap = ttf.getUnicodeCmapLookup();
        for (int cp : codePoints) {
            int idx = java.util.Arrays.binarySearch(oldToNewKeys, cmap.getGlyphId(cp));
            cidByCodePoint[cp] = (char) (idx < 0 ? 0 : oldToNewValues[idx]);
        }
        String tag = tag(codePoints);
        String baseFont = tag + "+" + font.postScriptName();

        ByteArrayOutputStream fontBytes = new ByteArrayOutputStream(64 * 1024);
        subsetter.writeToStream(fontBytes);
        byte[] program = fontBytes.toByteArray();
        PDStream fontFile = new PDStream(doc, new ByteArrayInputStream(program), COSName.FLATE_DECODE);
        fontFile.getCOSObject().setInt(COSName.LENGTH1, program.length);

        CjkFont.Metrics m = font.metrics();
        COSDictionary descriptor = new COSDictionary();
        descriptor.setItem(COSName.TYPE, COSName.FONT_DESC);
        descriptor.setName(COSName.FONT_NAME, baseFont);
        descriptor.setInt(COSName.FLAGS, 4); // symbolic: glyphs outside the standard Latin set
        COSArray bbox = new COSArray();
        for (float v : m.bbox()) {
            bbox.add(new COSFloat(v));
        }
        descriptor.setItem(COSName.FONT_BBOX, bbox);
        descriptor.setInt(COSName.ITALIC_ANGLE, 0);
        descriptor.setFloat(COSName.ASCENT, m.ascent());
        descriptor.setFloat(COSName.DESCENT, m.descent());
        descriptor.setFloat(COSName.CAP_HEIGHT, m.capHeight());
        descriptor.setInt(COSName.STEM_V, m.stemV());
        descriptor.setItem(COSName.FONT_FILE2, fontFile);

        COSDictionary systemInfo = new COSDictionary();
        systemInfo.setString(COSName.REGISTRY, "Adobe");
        systemInfo.setString(COSName.ORDERING, "Identity");
        systemInfo.setInt(COSName.SUPPLEMENT, 0);

        // Widths (ISO 32000-1 §9.7.4.3): the commonest one, the full width of the CJK glyphs, as /DW, and the
        // others as runs of consecutive CIDs "c [w1 w2 …]". A document is signed without object streams, so an
        // array of one entry per glyph would be kilobytes of uncompressed text in every PDF.
        int[] cids = new int[newToOld.size()];
        int[] advances = new int[newToOld.size()];
        Map<Integer, Integer> counts = new HashMap<>();
        int i = 0;
        for (Map.Entry<Integer, Integer> e : newToOld.entrySet()) { // in CID order
            cids[i] = e.getKey();
            advances[i] = Math.round(font.glyphAdvance(ttf, e.getValue()));
            counts.merge(advances[i], 1, Integer::sum);
            i++;
        }
        int defaultWidth = counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(1000);
        COSArray widths = new COSArray();
        COSArray run = null;
        for (int g = 0; g < cids.length; g++) {
            if (advances[g] == defaultWidth) {
                run = null;
                continue;
            }
            if (run == null || cids[g] != cids[g - 1] + 1) {
                run = new COSArray();
                widths.add(COSInteger.get(cids[g]));
                widths.add(run);
            }
            run.add(COSInteger.get(advances[g]));
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
        type0 = new COSDictionary();
        type0.setItem(COSName.TYPE, COSName.FONT);
        type0.setItem(COSName.SUBTYPE, COSName.TYPE0);
        type0.setName(COSName.BASE_FONT, baseFont);
        type0.setItem(COSName.ENCODING, COSName.IDENTITY_H);
        type0.setItem(COSName.DESCENDANT_FONTS, descendants);
        type0.setItem(COSName.TO_UNICODE, toUnicode(doc, codePoints));
    }

    COSDictionary fontDictionary() {
        return type0;
    }

    /** Appends {@code text} as a hex string of two-byte CIDs, e.g. {@code <0003001A>}. */
    void appendHex(StringBuilder out, String text) {
        out.append('<');
        for (int i = 0; i < text.length(); i++) {
            char cid = cidByCodePoint[text.charAt(i)];
            out.append(HEX[(cid >> 12) & 0xF]).append(HEX[(cid >> 8) & 0xF])
               .append(HEX[(cid >> 4) & 0xF]).append(HEX[cid & 0xF]);
        }
        out.append('>');
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private COSStream toUnicode(PDDocument doc, SortedSet<Integer> codePoints) throws IOException {
        StringBuilder cmap = new StringBuilder(codePoints.size() * 16 + 512);
        cmap.append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
            .append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n")
            .append("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n")
            .append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        // one entry per CID; when two code points share a glyph the first one is kept
        java.util.TreeMap<Integer, Integer> byCid = new java.util.TreeMap<>();
        for (int cp : codePoints) {
            byCid.putIfAbsent((int) cidByCodePoint[cp], cp);
        }
        int inBlock = 0;
        int remaining = byCid.size();
        for (Map.Entry<Integer, Integer> e : byCid.entrySet()) {
            if (inBlock == 0) {
                cmap.append(Math.min(100, remaining)).append(" beginbfchar\n");
            }
            cmap.append(String.format("<%04X> <%04X>\n", e.getKey(), e.getValue()));
            remaining--;
            if (++inBlock == 100 || remaining == 0) {
                cmap.append("endbfchar\n");
                inBlock = 0;
            }
        }
        cmap.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        PDStream stream = new PDStream(doc,
                new ByteArrayInputStream(cmap.toString().getBytes(StandardCharsets.US_ASCII)), COSName.FLATE_DECODE);
        return stream.getCOSObject();
    }

    /** A six-letter subset tag derived from the glyph set (ISO 32000-1 §9.6.4). */
    private static String tag(SortedSet<Integer> codePoints) {
        long h = 1125899906842597L;
        for (int cp : codePoints) {
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
