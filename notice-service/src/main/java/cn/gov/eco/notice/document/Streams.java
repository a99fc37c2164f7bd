package cn.gov.eco.notice.document;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.Deflater;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;

/** PDF streams the renderer writes already compressed, so that PDFBox does not compress them again when it saves. */
final class Streams {

    /**
     * Deflate's fastest level: the font subsets and content streams of a document compress to about the same size as
     * at the default level (fonts are mostly incompressible glyph coordinates) at a fraction of the CPU.
     */
    private static final int LEVEL = Deflater.BEST_SPEED;

    private static final ThreadLocal<Deflater> DEFLATER = ThreadLocal.withInitial(() -> new Deflater(LEVEL));
    private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[64 * 1024]);

    private Streams() {
    }

    /** A new stream of {@code doc} holding {@code data} compressed, with {@code /Filter /FlateDecode}. */
    static COSStream deflated(PDDocument doc, byte[] data) throws IOException {
        COSStream stream = doc.getDocument().createCOSStream();
        stream.setItem(COSName.FILTER, COSName.FLATE_DECODE);
        try (OutputStream out = stream.createRawOutputStream()) {
            out.write(deflate(data));
        }
        return stream;
    }

    /** A new stream of {@code doc} holding {@code compressed}, data {@link #deflate}d before. */
    static COSStream compressed(PDDocument doc, byte[] compressed) throws IOException {
        COSStream stream = doc.getDocument().createCOSStream();
        stream.setItem(COSName.FILTER, COSName.FLATE_DECODE);
        try (OutputStream out = stream.createRawOutputStream()) {
            out.write(compressed);
        }
        return stream;
    }

    /** A new stream of {@code doc} holding {@code data} as it is, without a filter. */
    static COSStream raw(PDDocument doc, byte[] data) throws IOException {
        COSStream stream = doc.getDocument().createCOSStream();
        try (OutputStream out = stream.createRawOutputStream()) {
            out.write(data);
        }
        return stream;
    }

    /** {@code data} in the zlib format (RFC 1950) FlateDecode reads. */
    static byte[] deflate(byte[] data) {
        Deflater deflater = DEFLATER.get();
        deflater.reset();
        deflater.setInput(data);
        deflater.finish();
        byte[] buffer = BUFFER.get();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(data.length / 2 + 64);
        while (!deflater.finished()) {
            int n = deflater.deflate(buffer);
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
