package cn.gov.eco.platform.upload;

import cn.gov.eco.platform.web.InvalidInputException;
import cn.gov.eco.platform.web.Violation;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDDocument;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

/**
 * An uploaded file is parsed, not sniffed (issue 16, row 6): a PDF is parsed whole by PDFBox and refused when it
 * carries JavaScript, an automatic action ({@code /OpenAction}, {@code /AA}), a launch, import or submit action,
 * embedded files or rich media, or when it is also something else (an HTML or ZIP polyglot); an image is decoded
 * whole and must be the format its signature claims; the stored content type is what was parsed and the stored name
 * is sanitised (no path, no control or bidi characters, the extension of the parsed type). Evidence and repair
 * materials are shown to staff later: nothing active may ride along.
 */
public final class UploadInspector {

    /** What was found: the parsed type, and the name to store. */
    public record Inspected(String contentType, String fileName) {
    }

    /** The largest image accepted, in pixels (a decompression bomb is refused before it is decoded). */
    public static final long MAX_PIXELS = 60_000_000L;

    private static final Set<COSName> ACTIVE_KEYS = Set.of(COSName.JS, COSName.JAVA_SCRIPT, COSName.OPEN_ACTION,
            COSName.AA, COSName.EMBEDDED_FILES, COSName.EF, COSName.getPDFName("RichMedia"),
            COSName.getPDFName("RichMediaContent"), COSName.getPDFName("XFA"));
    private static final Set<String> ACTIVE_ACTIONS = Set.of("JavaScript", "Launch", "ImportData", "SubmitForm",
            "ResetForm", "RichMediaExecute", "Rendition", "GoToE", "Sound", "Movie", "Hide");
    /** Markers of another format inside the bytes: HTML or SVG script; see also {@link #ZIP_END}. */
    private static final String[] POLYGLOT_MARKERS = {"<script", "<html", "<!doctype", "<svg", "<iframe", "javascript:"};
    /** A ZIP's (or office file's, JAR's) end-of-central-directory record, which ZIP readers look for at the end. */
    private static final byte[] ZIP_END = {'P', 'K', 5, 6};
    private static final int ZIP_END_WINDOW = 65_557;

    private UploadInspector() {
    }

    /**
     * @param field    the request field, for the violation ({@code file}, {@code materials[0]})
     * @param fileName the name the client sent
     * @throws InvalidInputException naming {@code field} and the rule, when the file is refused
     */
    public static Inspected inspect(String field, String fileName, byte[] content) {
        String type = signature(content).orElse(null);
        if (type == null) {
            throw refuse(field, "UPLOAD_TYPE_NOT_ALLOWED", "只接受PDF、JPEG或PNG文件（按文件内容解析判断，与文件名无关）",
                    "only PDF, JPEG or PNG files are accepted (judged by parsing the content, whatever the name)");
        }
        polyglot(field, content, type);
        if (type.equals("application/pdf")) {
            pdf(field, content);
        } else {
            image(field, content, type);
        }
        return new Inspected(type, safeName(fileName, type));
    }

    /**
     * The type the leading bytes claim (%PDF-, JPEG's FF D8 FF, PNG's 89 50 4E 47 0D 0A 1A 0A), before anything is
     * parsed: the first, cheap refusal of what is none of the accepted types.
     */
    public static java.util.Optional<String> signature(byte[] b) {
        if (startsWith(b, new byte[]{'%', 'P', 'D', 'F', '-'})) {
            return java.util.Optional.of("application/pdf");
        }
        if (startsWith(b, new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return java.util.Optional.of("image/jpeg");
        }
        if (startsWith(b, new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) {
            return java.util.Optional.of("image/png");
        }
        return java.util.Optional.empty();
    }

    private static void polyglot(String field, byte[] content, String type) {
        String text = new String(content, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        for (String marker : POLYGLOT_MARKERS) {
            if (text.contains(marker)) {
                throw refuse(field, "UPLOAD_POLYGLOT", "文件中夹带网页或脚本内容（" + marker + "），不予接收",
                        "the file also carries web page or script content (" + marker + ") and is refused");
            }
        }
        int from = Math.max(0, content.length - ZIP_END_WINDOW);
        if (indexOf(content, ZIP_END, from) >= 0) {
            throw refuse(field, "UPLOAD_POLYGLOT", "文件中夹带压缩包，不予接收", "the file also carries an archive and is refused");
        }
    }

    private static void pdf(String field, byte[] content) {
        try (PDDocument document = Loader.loadPDF(content)) {
            if (document.isEncrypted()) {
                throw refuse(field, "PDF_ENCRYPTED", "PDF文件已加密，无法检查其内容，请上传未加密的文件",
                        "the PDF is encrypted and cannot be checked; upload it unencrypted");
            }
            if (document.getNumberOfPages() < 1) {
                throw refuse(field, "PDF_INVALID", "PDF文件没有页面", "the PDF has no pages");
            }
            var cos = document.getDocument();
            for (COSObjectKey key : cos.getXrefTable().keySet()) {
                COSObject object = cos.getObjectFromPool(key);
                COSBase base = object == null ? null : object.getObject();
                if (base instanceof COSDictionary d) {
                    active(field, d);
                }
            }
            active(field, document.getDocumentCatalog().getCOSObject());
            for (var page : document.getPages()) {
                active(field, page.getCOSObject());
            }
        } catch (IOException e) {
            throw refuse(field, "PDF_INVALID", "不是完整有效的PDF文件：" + e.getMessage(),
                    "not a complete, valid PDF file: " + e.getMessage());
        }
    }

    private static void active(String field, COSDictionary d) {
        for (COSName key : d.keySet()) {
            if (ACTIVE_KEYS.contains(key)) {
                throw refuse(field, "PDF_ACTIVE_CONTENT", "PDF文件含有脚本、自动动作或嵌入文件（/" + key.getName() + "），不予接收",
                        "the PDF carries scripts, automatic actions or embedded files (/" + key.getName()
                                + ") and is refused");
            }
        }
        COSName s = d.getCOSName(COSName.S);
        if (s != null && ACTIVE_ACTIONS.contains(s.getName())) {
            throw refuse(field, "PDF_ACTIVE_CONTENT", "PDF文件含有 " + s.getName() + " 动作，不予接收",
                    "the PDF carries a " + s.getName() + " action and is refused");
        }
        COSName type = d.getCOSName(COSName.TYPE);
        if (COSName.getPDFName("EmbeddedFile").equals(type) || COSName.FILESPEC.equals(type) && d.containsKey(COSName.EF)) {
            throw refuse(field, "PDF_ACTIVE_CONTENT", "PDF文件含有嵌入文件，不予接收",
                    "the PDF carries embedded files and is refused");
        }
    }

    private static void image(String field, byte[] content, String type) {
        String format = type.equals("image/png") ? "png" : "jpeg";
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw refuse(field, "IMAGE_INVALID", "图片无法解码", "the image cannot be decoded");
            }
            ImageReader reader = readers.next();
            try {
                if (!reader.getFormatName().toLowerCase(Locale.ROOT).startsWith(format.substring(0, 3))) {
                    throw refuse(field, "IMAGE_INVALID", "图片的实际格式与其标识不符", "the image is not the format it claims");
                }
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels <= 0 || pixels > MAX_PIXELS) {
                    throw refuse(field, "IMAGE_TOO_LARGE", "图片像素过多（上限 " + MAX_PIXELS + "）",
                            "the image has too many pixels (at most " + MAX_PIXELS + ")");
                }
                BufferedImage image = reader.read(0);
                if (image == null) {
                    throw refuse(field, "IMAGE_INVALID", "图片无法解码", "the image cannot be decoded");
                }
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException i) {
                throw i;
            }
            throw refuse(field, "IMAGE_INVALID", "图片不完整或已损坏，无法解码：" + e.getMessage(),
                    "the image is incomplete or damaged and cannot be decoded: " + e.getMessage());
        }
    }

    /**
     * The name to store: the last path segment only; letters and digits of any script, dot, dash, underscore and
     * space kept, everything else (separators, control and bidi characters) replaced; at most 100 characters; the
     * extension of the parsed type.
     */
    public static String safeName(String fileName, String type) {
        String base = fileName == null ? "" : fileName.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        base = base.replaceAll("\\.[^.]*$", "");
        base = base.replaceAll("[^\\p{L}\\p{N}_\\- ]", "_").replaceAll("_+", "_").strip();
        base = base.replaceAll("^[_.]+", "");
        if (base.isBlank()) {
            base = "upload";
        }
        if (base.length() > 100) {
            base = base.substring(0, 100);
        }
        return base + switch (type) {
            case "application/pdf" -> ".pdf";
            case "image/jpeg" -> ".jpg";
            default -> ".png";
        };
    }

    private static InvalidInputException refuse(String field, String rule, String zh, String en) {
        return new InvalidInputException(new Violation(field, rule, zh, en));
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        if (b == null || b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
