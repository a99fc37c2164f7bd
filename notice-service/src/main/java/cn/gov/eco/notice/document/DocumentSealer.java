package cn.gov.eco.notice.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * The last step of rendering: writes the finished document to bytes. The agency's electronic seal (a PDF signature)
 * is applied here, in the same pass that saves the document, so that no PDF leaves the renderer unsealed and none
 * is parsed again later just to be signed. {@link #UNSEALED} only saves.
 */
@FunctionalInterface
public interface DocumentSealer {

    /** Saves without a signature: for previews and measurements. */
    DocumentSealer UNSEALED = document -> {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        document.save(out);
        return out.toByteArray();
    };

    /**
     * @param document a complete document, pages and metadata; the sealer may change it (add the signature field)
     * @return the PDF file
     */
    byte[] save(PDDocument document) throws IOException;
}
