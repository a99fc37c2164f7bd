package cn.gov.eco.notice.document;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes one pair to {@code target/sample-*.pdf} for people to open, and to PNG when poppler's
 * {@code pdftoppm} is installed, so the layout can be looked at.
 */
class SamplePdfTest {

    @Test
    void shouldWriteASamplePairThatOpensAsA4() throws IOException, InterruptedException {
        DocumentRenderer renderer = new DocumentRenderer(CjkFont.loadDefault(), DocumentTemplates.classpathDefaults(),
                SampleDocuments.agency());
        Path target = Path.of("target");
        Files.createDirectories(target);
        Path decision = target.resolve("sample-decision.pdf");
        Path notice = target.resolve("sample-notice.pdf");
        Files.write(decision, renderer.renderDecision(SampleDocuments.decision()));
        Files.write(notice, renderer.renderNotice(SampleDocuments.notice()));
        // as an agency adapts them: payment account, statements and hearing, RED fast lane, the seal picture
        DocumentRenderer adapted = new DocumentRenderer(CjkFont.loadDefault(), DocumentTemplates.classpathDefaults(),
                DocumentContentTest.adaptedAgency(new AgencyProfile.SealImage(DocumentContentTest.sealPng(), 42f)));
        Path adaptedDecision = target.resolve("sample-decision-adapted.pdf");
        Path adaptedNotice = target.resolve("sample-notice-adapted.pdf");
        Files.write(adaptedDecision, adapted.renderDecision(SampleDocuments.decisionWithStatements()));
        Files.write(adaptedNotice, adapted.renderNotice(SampleDocuments.notice()));

        for (Path pdf : new Path[] {decision, notice, adaptedDecision, adaptedNotice}) {
            try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                assertThat(doc.getNumberOfPages()).isBetween(1, 4); // 3号 on 22 lines (GB/T 9704-2012)
                assertThat(doc.getPage(0).getMediaBox().getWidth()).isCloseTo(595.28f, org.assertj.core.data.Offset.offset(0.5f));
            }
            toPng(pdf);
        }
    }

    private static void toPng(Path pdf) throws IOException, InterruptedException {
        String base = pdf.toString().replaceFirst("\\.pdf$", "");
        try {
            Process p = new ProcessBuilder("pdftoppm", "-png", "-r", "60", pdf.toString(), base)
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            p.waitFor();
        } catch (IOException notInstalled) {
            // pdftoppm (apt-get install poppler-utils) is optional: the PNGs are for looking only
        }
    }
}
