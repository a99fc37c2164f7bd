package cn.gov.eco.notice.document;

import java.awt.geom.AffineTransform;
import java.awt.geom.GeneralPath;
import java.awt.geom.PathIterator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * The seal drawn over the signature block when the agency supplies no seal picture: a red ring, a five-pointed star,
 * the agency's name along the upper ring and 开发用 ("for development") across, so that nobody takes a document of a
 * development installation for one an agency issued. Only a picture: the legal seal is the digital signature.
 *
 * <p>The characters are drawn as outlines of the body face, not as text, so that they do not mix into the text a
 * reader extracts. The drawing is made once per agency, as a compressed form XObject; each document copies its bytes.
 */
final class DevelopmentSeal {

    /** 42 mm, the usual diameter of an agency's official seal. */
    static final float DIAMETER = 42 * PageLayout.MM;
    private static final String MARK = "开发用";
    private static final String RED = "0.85 0.08 0.1";

    private final byte[] compressed;
    private final int length;

    private DevelopmentSeal(byte[] drawing) {
        this.compressed = Streams.deflate(drawing);
        this.length = drawing.length;
    }

    /** Draws the seal of {@code agencyName} with the outlines of {@code face}. */
    static DevelopmentSeal of(TrueTypeFace face, String agencyName) {
        float r = DIAMETER / 2;
        float ring = 1.2f * PageLayout.MM;
        StringBuilder cs = new StringBuilder(64 * 1024);
        cs.append(RED).append(" rg ").append(RED).append(" RG\n");
        num(cs, ring).append(" w\n");
        circle(cs, r - ring / 2);
        cs.append("S\n");
        star(cs, r * 0.3f);
        cs.append("f\n");
        try {
            String name = agencyName.strip();
            int n = name.codePointCount(0, name.length());
            // along the upper ring, left to right, the tops of the characters outward
            double span = Math.toRadians(Math.min(240, 28 * Math.max(1, n - 1) + 28));
            double step = n > 1 ? span / n : 0;
            float size = (float) Math.min(r * 0.32f, (r - ring) * step * 0.8);
            float radius = r - ring - size * 0.75f;
            List<GeneralPath> glyphs = face.outlines(name);
            float scale = size / face.unitsPerEm();
            float middle = middle(face);
            for (int i = 0; i < glyphs.size(); i++) {
                double angle = Math.PI / 2 + span / 2 - step * (i + 0.5);
                AffineTransform t = new AffineTransform();
                t.translate(radius * Math.cos(angle), radius * Math.sin(angle));
                t.rotate(angle - Math.PI / 2);
                t.scale(scale, scale);
                t.translate(-face.advance(name.codePointAt(name.offsetByCodePoints(0, i))) * face.unitsPerEm()
                        / 2000f, -middle);
                path(cs, glyphs.get(i), t);
            }
            List<GeneralPath> mark = face.outlines(MARK);
            float markSize = r * 0.24f;
            float markScale = markSize / face.unitsPerEm();
            float x = -markSize * MARK.length() / 2;
            for (int i = 0; i < mark.size(); i++) {
                AffineTransform t = new AffineTransform();
                t.translate(x + markSize * i, -r * 0.55f);
                t.scale(markScale, markScale);
                path(cs, mark.get(i), t);
            }
            cs.append("f\n");
        } catch (IOException e) {
            throw new FontUnavailableException("cannot draw the development seal with " + face.source() + ": "
                    + e.getMessage(), e);
        }
        return new DevelopmentSeal(cs.toString().getBytes(StandardCharsets.US_ASCII));
    }

    /** The vertical middle of the ideographs, in font units. */
    private static float middle(TrueTypeFace face) {
        CjkFont.Metrics m = face.metrics();
        return (m.ascent() + m.descent()) / 2 * face.unitsPerEm() / 1000f;
    }

    /** A form XObject of the seal in {@code doc}, centred on its origin. */
    COSStream embed(PDDocument doc) throws IOException {
        COSStream form = doc.getDocument().createCOSStream();
        form.setItem(COSName.TYPE, COSName.XOBJECT);
        form.setItem(COSName.SUBTYPE, COSName.FORM);
        float r = DIAMETER / 2;
        COSArray bbox = new COSArray();
        for (float v : new float[] {-r, -r, r, r}) {
            bbox.add(new COSFloat(v));
        }
        form.setItem(COSName.BBOX, bbox);
        form.setItem(COSName.FILTER, COSName.FLATE_DECODE);
        try (OutputStream out = form.createRawOutputStream()) {
            out.write(compressed);
        }
        return form;
    }

    /** The size of the drawing's operators before compression. */
    int length() {
        return length;
    }

    private static void circle(StringBuilder cs, float r) {
        float k = 0.5523f * r;
        num(num(cs, r).append(' '), 0).append(" m\n");
        curve(cs, r, k, k, r, 0, r);
        curve(cs, -k, r, -r, k, -r, 0);
        curve(cs, -r, -k, -k, -r, 0, -r);
        curve(cs, k, -r, r, -k, r, 0);
        cs.append("h\n");
    }

    private static void curve(StringBuilder cs, float... p) {
        for (float v : p) {
            num(cs, v).append(' ');
        }
        cs.append("c\n");
    }

    private static void star(StringBuilder cs, float outer) {
        float inner = outer * 0.382f;
        for (int i = 0; i < 10; i++) {
            double a = Math.PI / 2 + i * Math.PI / 5;
            float rr = i % 2 == 0 ? outer : inner;
            num(cs, (float) (rr * Math.cos(a))).append(' ');
            num(cs, (float) (rr * Math.sin(a))).append(i == 0 ? " m\n" : " l\n");
        }
        cs.append("h\n");
    }

    /** Appends a glyph outline (TrueType quadratic curves turned into cubic ones) as path operators. */
    private static void path(StringBuilder cs, GeneralPath glyph, AffineTransform t) {
        PathIterator it = glyph.getPathIterator(t);
        float[] c = new float[6];
        float x = 0;
        float y = 0;
        while (!it.isDone()) {
            switch (it.currentSegment(c)) {
                case PathIterator.SEG_MOVETO -> {
                    num(num(cs, c[0]).append(' '), c[1]).append(" m\n");
                    x = c[0];
                    y = c[1];
                }
                case PathIterator.SEG_LINETO -> {
                    num(num(cs, c[0]).append(' '), c[1]).append(" l\n");
                    x = c[0];
                    y = c[1];
                }
                case PathIterator.SEG_QUADTO -> {
                    curve(cs, x + 2f / 3 * (c[0] - x), y + 2f / 3 * (c[1] - y),
                            c[2] + 2f / 3 * (c[0] - c[2]), c[3] + 2f / 3 * (c[1] - c[3]), c[2], c[3]);
                    x = c[2];
                    y = c[3];
                }
                case PathIterator.SEG_CUBICTO -> {
                    curve(cs, c[0], c[1], c[2], c[3], c[4], c[5]);
                    x = c[4];
                    y = c[5];
                }
                case PathIterator.SEG_CLOSE -> cs.append("h\n");
                default -> throw new IllegalStateException();
            }
            it.next();
        }
    }

    private static StringBuilder num(StringBuilder sb, float v) {
        return PdfNumbers.append(sb, v);
    }
}
