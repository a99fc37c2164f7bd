package cn.gov.eco.platform.upload;

import cn.gov.eco.platform.web.InvalidInputException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.apache.pdfbox.pdmodel.interactive.action.PDPageAdditionalActions;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 16, row 6: uploads are parsed whole and refused when they carry anything active. */
class UploadInspectorTest {

    private static byte[] pdf(Consumer<PDDocument> tweak) throws IOException {
        try (PDDocument d = new PDDocument(); var out = new ByteArrayOutputStream()) {
            d.addPage(new PDPage());
            tweak.accept(d);
            d.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] png(int w, int h) throws IOException {
        var out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    private static String rule(byte[] content) {
        try {
            UploadInspector.inspect("file", "x.pdf", content);
            return null;
        } catch (InvalidInputException e) {
            assertThat(e.violations()).singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("file"));
            return e.violations().get(0).rule();
        }
    }

    @Test
    void shouldAcceptAPlainPdfAndAWholeImageWithTheTypeFromTheParse() throws IOException {
        assertThat(UploadInspector.inspect("file", "整改报告.PDF", pdf(d -> { })))
                .isEqualTo(new UploadInspector.Inspected("application/pdf", "整改报告.pdf"));
        assertThat(UploadInspector.inspect("file", "photo.pdf", png(20, 10)))
                .as("the type comes from the content, not the name")
                .isEqualTo(new UploadInspector.Inspected("image/png", "photo.png"));
    }

    @Test
    void shouldAcceptTheTestSupportSamples() {
        assertThat(UploadInspector.inspect("file", "a.pdf", cn.gov.eco.testsupport.SampleFiles.PDF).contentType())
                .isEqualTo("application/pdf");
        assertThat(UploadInspector.inspect("file", "a.png", cn.gov.eco.testsupport.SampleFiles.PNG).contentType())
                .isEqualTo("image/png");
        assertThat(UploadInspector.inspect("file", "a.jpg", cn.gov.eco.testsupport.SampleFiles.JPEG).contentType())
                .isEqualTo("image/jpeg");
    }

    @Test
    void shouldRefuseAPdfWithAJavaScriptOpenAction() throws IOException {
        byte[] bytes = pdf(d -> d.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert(1)")));
        assertThat(rule(bytes)).isEqualTo("PDF_ACTIVE_CONTENT");
    }

    @Test
    void shouldRefuseAPdfWithAPageActionThatLaunchesAProgram() throws IOException {
        byte[] bytes = pdf(d -> {
            var aa = new PDPageAdditionalActions();
            aa.setO(new PDActionLaunch());
            d.getPage(0).setActions(aa);
        });
        assertThat(rule(bytes)).isEqualTo("PDF_ACTIVE_CONTENT");
    }

    @Test
    void shouldRefuseAPdfWithAnEmbeddedFile() throws IOException {
        byte[] bytes = pdf(d -> {
            try {
                var file = new PDEmbeddedFile(d, new ByteArrayInputStream("MZ".getBytes(StandardCharsets.US_ASCII)));
                var spec = new PDComplexFileSpecification();
                spec.setFile("tool.exe");
                spec.setEmbeddedFile(file);
                var tree = new PDEmbeddedFilesNameTreeNode();
                tree.setNames(Map.of("tool.exe", spec));
                var names = new PDDocumentNameDictionary(d.getDocumentCatalog());
                names.setEmbeddedFiles(tree);
                d.getDocumentCatalog().setNames(names);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(rule(bytes)).isEqualTo("PDF_ACTIVE_CONTENT");
    }

    @Test
    void shouldRefuseAnHtmlPageThatStartsLikeAPdf() {
        byte[] bytes = "%PDF-1.4\n<html><script>alert(1)</script></html>".getBytes(StandardCharsets.US_ASCII);
        assertThat(rule(bytes)).isEqualTo("UPLOAD_POLYGLOT");
    }

    @Test
    void shouldRefuseSomethingThatOnlyStartsLikeAPdf() {
        assertThat(rule("%PDF-1.7\nnot really".getBytes(StandardCharsets.US_ASCII))).isEqualTo("PDF_INVALID");
    }

    @Test
    void shouldRefuseATruncatedImageAndAnImageCarryingAnArchive() throws IOException {
        byte[] whole = png(64, 64);
        assertThat(rule(Arrays.copyOf(whole, whole.length / 2))).isEqualTo("IMAGE_INVALID");
        byte[] withZip = Arrays.copyOf(whole, whole.length + 22);
        withZip[whole.length] = 'P';
        withZip[whole.length + 1] = 'K';
        withZip[whole.length + 2] = 5;
        withZip[whole.length + 3] = 6;
        assertThat(rule(withZip)).isEqualTo("UPLOAD_POLYGLOT");
    }

    @Test
    void shouldRefuseAnythingElse() {
        assertThat(rule("MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo("UPLOAD_TYPE_NOT_ALLOWED");
    }

    @Test
    void shouldKeepOnlyASafeNameWithTheParsedExtension() {
        assertThat(UploadInspector.safeName("../../etc/passwd.pdf", "application/pdf")).isEqualTo("passwd.pdf");
        assertThat(UploadInspector.safeName("C:\\temp\\报告\u202Efdp.exe", "application/pdf")).isEqualTo("报告_fdp.pdf");
        assertThat(UploadInspector.safeName("a\u0000b.png", "image/png")).isEqualTo("a_b.png");
        assertThat(UploadInspector.safeName("..", "image/jpeg")).isEqualTo("upload.jpg");
        assertThat(UploadInspector.safeName(null, "image/jpeg")).isEqualTo("upload.jpg");
    }
}
