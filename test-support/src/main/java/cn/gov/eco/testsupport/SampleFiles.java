package cn.gov.eco.testsupport;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Small uploads that are what they claim to be: the services parse uploads whole (a PDF with PDFBox, an image
 * decoded), so a test upload must be a real file, not just the right leading bytes.
 */
public final class SampleFiles {

    /** A one-page PDF, hand-written (PDFBox reads it, rebuilding the cross-reference table it omits). */
    public static final byte[] PDF = """
            %PDF-1.4
            1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj
            2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj
            3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]>> endobj
            trailer <</Root 1 0 R /Size 4>>
            %%EOF
            """.getBytes(StandardCharsets.US_ASCII);

    /** A 16 × 16 PNG, as a scanner would send a (very small) receipt. */
    public static final byte[] PNG = image("png");

    /** A 16 × 16 JPEG. */
    public static final byte[] JPEG = image("jpeg");

    private SampleFiles() {
    }

    private static byte[] image(String format) {
        try {
            var out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB), format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
