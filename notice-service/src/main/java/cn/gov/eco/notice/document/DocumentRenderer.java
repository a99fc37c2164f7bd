package cn.gov.eco.notice.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TimeZone;

import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.apache.pdfbox.util.Matrix;

/**
 * Renders the two documents of 两书同达 — the 行政处罚决定书 and the 企业环境信用信息修复权益告知书 — to PDF
 * with PDFBox, from zh-CN templates. Plain Java: a Spring configuration wraps it.
 *
 * <p>Thread-safe: templates and the agency profile are immutable, and each render borrows its own parsed
 * copy of the font from {@link CjkFont}. Per document, the only font work is embedding the subset of the
 * glyphs used.
 */
public final class DocumentRenderer {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final CjkFont font;
    private final DocumentTemplates templates;
    private final AgencyProfile agency;
    private final Clock clock;

    public DocumentRenderer(CjkFont font, DocumentTemplates templates, AgencyProfile agency) {
        this(font, templates, agency, Clock.system(CHINA));
    }

    /** @param clock the source of the PDF creation date */
    public DocumentRenderer(CjkFont font, DocumentTemplates templates, AgencyProfile agency, Clock clock) {
        this.font = Objects.requireNonNull(font, "font");
        this.templates = Objects.requireNonNull(templates, "templates");
        this.agency = Objects.requireNonNull(agency, "agency");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The 行政处罚决定书 as PDF bytes. */
    public byte[] renderDecision(PenaltyDecisionDocument decision) {
        Map<String, Object> model = DocumentModels.decision(decision, agency);
        return render(templates.decision(), model, decision.documentNumber(), decision.issuingAgency());
    }

    /** The 企业环境信用信息修复权益告知书 as PDF bytes. */
    public byte[] renderNotice(RepairRightsNoticeDocument notice) {
        Map<String, Object> model = DocumentModels.notice(notice, agency);
        return render(templates.notice(), model, notice.documentNumber(), notice.issuingAgency());
    }

    private byte[] render(DocumentTemplate template, Map<String, Object> model, String number, String author) {
        List<LayoutBlock> blocks = template.fill(model);
        List<PageLayout.Page> pages = new PageLayout(font).layout(blocks);
        TrueTypeFont ttf = font.borrow();
        try (PDDocument doc = new PDDocument()) {
            PDType0Font pdFont = PDType0Font.load(doc, ttf, true);
            metadata(doc, template, number, author);
            int total = pages.size();
            for (int p = 0; p < total; p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    draw(cs, pdFont, pages.get(p), p + 1, total);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            doc.save(out); // subsets the font here, while this thread still holds its copy
            return out.toByteArray();
        } catch (IOException e) {
            throw new DocumentRenderingException("cannot render " + template.name() + " " + number + ": "
                    + e.getMessage(), e);
        } finally {
            font.giveBack(ttf);
        }
    }

    private void metadata(PDDocument doc, DocumentTemplate template, String number, String author) {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(template.title() + " " + number);
        info.setAuthor(author);
        info.setSubject(template.subject().isEmpty() ? template.title() : template.subject());
        info.setCreator("notice-service");
        info.setProducer("Apache PDFBox");
        Calendar now = new GregorianCalendar(TimeZone.getTimeZone(CHINA));
        now.setTimeInMillis(clock.millis());
        info.setCreationDate(now);
        doc.getDocumentCatalog().setLanguage("zh-CN");
        PDViewerPreferences prefs = new PDViewerPreferences(new org.apache.pdfbox.cos.COSDictionary());
        prefs.setDisplayDocTitle(true);
        doc.getDocumentCatalog().setViewerPreferences(prefs);
    }

    private static void draw(PDPageContentStream cs, PDType0Font pdFont, PageLayout.Page page, int number,
                             int total) throws IOException {
        if (!page.rules().isEmpty()) {
            for (PageLayout.RuleOp rule : page.rules()) {
                cs.setLineWidth(rule.width());
                cs.moveTo(rule.x1(), rule.y());
                cs.lineTo(rule.x2(), rule.y());
            }
            cs.stroke();
        }
        cs.setLineWidth(0.35f); // stroke width of the "bold" text below
        cs.beginText();
        float size = -1;
        boolean bold = false;
        for (PageLayout.TextOp op : page.texts()) {
            if (op.size() != size) {
                cs.setFont(pdFont, op.size());
                size = op.size();
            }
            if (op.bold() != bold) {
                // fill + stroke thickens the glyphs: the font has no bold face
                cs.setRenderingMode(op.bold() ? RenderingMode.FILL_STROKE : RenderingMode.FILL);
                bold = op.bold();
            }
            cs.setTextMatrix(Matrix.getTranslateInstance(op.x(), op.y()));
            cs.showText(op.text());
        }
        if (bold) {
            cs.setRenderingMode(RenderingMode.FILL);
        }
        String footer = "第 " + number + " 页 共 " + total + " 页";
        float footerWidth = pdFont.getStringWidth(footer) / 1000f * PageLayout.FOOTER;
        cs.setFont(pdFont, PageLayout.FOOTER);
        cs.setTextMatrix(Matrix.getTranslateInstance((PageLayout.PAGE_WIDTH - footerWidth) / 2, PageLayout.FOOTER_Y));
        cs.showText(footer);
        cs.endText();
    }
}
