package cn.gov.eco.notice.document;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The agency's seal picture, decoded and compressed once: a PNG with transparency cannot be copied into a PDF as it
 * is (PDFBox decodes it and compresses the colour and the alpha channel again, about 8 ms a document), so the encoded
 * image and its soft mask are kept and written into each document as they are.
 */
final class SealPicture {

    private final Encoded image;
    private final Encoded mask;
    private final int width;
    private final int height;

    private record Encoded(Map<COSName, COSBase> dictionary, byte[] raw) {
    }

    private SealPicture(Encoded image, Encoded mask, int width, int height) {
        this.image = image;
        this.mask = mask;
        this.width = width;
        this.height = height;
    }

    static SealPicture of(byte[] png) {
        try (PDDocument scratch = new PDDocument()) {
            PDImageXObject x = PDImageXObject.createFromByteArray(scratch, png, "seal.png");
            COSStream stream = x.getCOSObject();
            COSStream smask = stream.getCOSStream(COSName.SMASK);
            return new SealPicture(encoded(stream), smask == null ? null : encoded(smask), x.getWidth(), x.getHeight());
        } catch (IOException e) {
            throw new IllegalArgumentException("the seal image cannot be read as a PNG: " + e.getMessage(), e);
        }
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** A new image XObject of this picture in {@code doc}, sharing nothing with other documents but constants. */
    PDImageXObject embed(PDDocument doc) throws IOException {
        COSStream stream = write(doc, image);
        if (mask != null) {
            stream.setItem(COSName.SMASK, write(doc, mask));
        }
        return new PDImageXObject(new org.apache.pdfbox.pdmodel.common.PDStream(stream), null);
    }

    private static COSStream write(PDDocument doc, Encoded e) throws IOException {
        COSStream s = doc.getDocument().createCOSStream();
        for (var entry : e.dictionary().entrySet()) {
            s.setItem(entry.getKey(), copy(entry.getValue()));
        }
        try (OutputStream out = s.createRawOutputStream()) {
            out.write(e.raw());
        }
        return s;
    }

    private static Encoded encoded(COSStream stream) throws IOException {
        Map<COSName, COSBase> dict = new LinkedHashMap<>();
        for (var entry : stream.entrySet()) {
            COSName key = entry.getKey();
            if (key.equals(COSName.SMASK) || key.equals(COSName.LENGTH)) {
                continue;
            }
            COSBase value = entry.getValue();
            if (!(value instanceof COSName || value instanceof COSNumber || value instanceof COSArray
                    || value instanceof COSDictionary && !(value instanceof COSStream))) {
                throw new IllegalArgumentException("unexpected " + key.getName() + " in the seal image: " + value);
            }
            dict.put(key, value);
        }
        try (InputStream in = stream.createRawInputStream()) {
            return new Encoded(Map.copyOf(dict), in.readAllBytes());
        }
    }

    /** Arrays and dictionaries are copied (a document may change its own); names and numbers are constants. */
    private static COSBase copy(COSBase value) {
        if (value instanceof COSArray a) {
            COSArray out = new COSArray();
            for (int i = 0; i < a.size(); i++) {
                out.add(copy(a.get(i)));
            }
            return out;
        }
        if (value instanceof COSDictionary d && !(value instanceof COSStream)) {
            COSDictionary out = new COSDictionary();
            for (var entry : d.entrySet()) {
                out.setItem(entry.getKey(), copy(entry.getValue()));
            }
            return out;
        }
        return value;
    }
}
