package cn.gov.eco.notice.document;

import java.io.IOException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TimeZone;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.SortedSet;
import java.util.TreeSet;

import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;

/**
 * Renders the two documents of 两书同达 — the 行政处罚决定书 and the 企业环境信用信息修复权益告知书 — to PDF
 * with PDFBox, from zh-CN templates. Plain Java: a Spring configuration wraps it.
 *
 * <p>Thread-safe: templates and the agency profile are immutable, and each render borrows its own parsed
 * copy of the font from {@link CjkFont}. Per document, the only font work is embedding the subset of the
 * glyphs used. The finished document is written by a {@link DocumentSealer}: the service's signs it with the
 * agency's electronic seal.
 */
public final class DocumentRenderer {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final CjkFont font;
    private final DocumentTemplates templates;
    private final AgencyProfile agency;
    private final Clock clock;
    private final DocumentSealer sealer;
    private final SealPicture sealPicture;

    /** Unsealed documents, dated by the system clock: for previews and tests of the layout. */
    public DocumentRenderer(CjkFont font, DocumentTemplates templates, AgencyProfile agency) {
        this(font, templates, agency, Clock.system(CHINA), DocumentSealer.UNSEALED);
    }

    /**
     * @param clock  the source of the PDF creation date
     * @param sealer writes each finished document, signed with the agency's seal or {@link DocumentSealer#UNSEALED}
     */
    public DocumentRenderer(CjkFont font, DocumentTemplates templates, AgencyProfile agency, Clock clock,
                            DocumentSealer sealer) {
        this.font = Objects.requireNonNull(font, "font");
        this.templates = Objects.requireNonNull(templates, "templates");
        this.agency = Objects.requireNonNull(agency, "agency");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sealer = Objects.requireNonNull(sealer, "sealer");
        this.sealPicture = agency.sealImage() == null ? null : SealPicture.of(agency.sealImage().png());
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
        int total = pages.size();
        SortedSet<Integer> codePoints = new TreeSet<>();
        for (PageLayout.Page page : pages) {
            for (PageLayout.TextOp op : page.texts()) {
                op.text().chars().forEach(codePoints::add);
            }
        }
        footer(total, total).chars().forEach(codePoints::add);
        for (int p = 1; p <= total; p++) {
            Integer.toString(p).chars().forEach(codePoints::add);
        }
        TrueTypeFont ttf = font.borrow();
        try (PDDocument doc = new PDDocument()) {
            SubsetFontEmbedder embedded = new SubsetFontEmbedder(doc, ttf, font, codePoints);
            metadata(doc, template, number, author);
            for (int p = 0; p < total; p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                PDResources resources = new PDResources();
                COSDictionary fonts = new COSDictionary();
                fonts.setItem(FONT_RESOURCE, embedded.fontDictionary());
                resources.getCOSObject().setItem(COSName.FONT, fonts);
                page.setResources(resources);
                String seal = sealImage(doc, resources, pages.get(p));
                byte[] content = content(embedded, pages.get(p), p + 1, total, seal);
                page.setContents(new PDStream(doc, new ByteArrayInputStream(content), COSName.FLATE_DECODE));
                doc.addPage(page);
            }
            return sealer.save(doc);
        } catch (IOException e) {
            throw new DocumentRenderingException("cannot render " + template.name() + " " + number + ": "
                    + e.getMessage(), e);
        } finally {
            font.giveBack(ttf);
        }
    }

    private static final COSName FONT_RESOURCE = COSName.getPDFName("F1");
    private static final COSName SEAL_RESOURCE = COSName.getPDFName("Seal");

    /**
     * Adds the agency's seal picture to a page with a signature block, when the agency has one: the drawing operators
     * for the content stream, or null.
     */
    private String sealImage(PDDocument doc, PDResources resources, PageLayout.Page page) throws IOException {
        if (sealPicture == null || page.seals().isEmpty()) {
            return null;
        }
        PDImageXObject xobject = sealPicture.embed(doc);
        resources.put(SEAL_RESOURCE, xobject);
        float size = agency.sealImage().diameterMm() * 72f / 25.4f;
        float ratio = sealPicture.height() / (float) sealPicture.width();
        StringBuilder cs = new StringBuilder(128);
        for (PageLayout.SealMark mark : page.seals()) {
            float w = size;
            float h = size * ratio;
            cs.append("q ");
            num(cs, w).append(" 0 0 ");
            num(cs, h).append(' ');
            num(cs, mark.centreX() - w / 2).append(' ');
            num(cs, mark.centreY() - h / 2).append(" cm /Seal Do Q\n");
        }
        return cs.toString();
    }

    private static String footer(int number, int total) {
        return "第 " + number + " 页 共 " + total + " 页";
    }

    /** The page's content stream (ISO 32000-1 §9.4): rules, then all text in one text object. */
    private byte[] content(SubsetFontEmbedder embedded, PageLayout.Page page, int number, int total, String seal) {
        StringBuilder cs = new StringBuilder(8192);
        for (PageLayout.RuleOp rule : page.rules()) {
            num(cs, rule.width()).append(" w ");
            num(cs, rule.x1()).append(' ');
            num(cs, rule.y()).append(" m ");
            num(cs, rule.x2()).append(' ');
            num(cs, rule.y()).append(" l S\n");
        }
        cs.append("0.35 w\nBT\n"); // the stroke width makes text drawn with 2 Tr look bold: the font has no bold face
        float size = -1;
        boolean bold = false;
        for (PageLayout.TextOp op : page.texts()) {
            if (op.size() != size) {
                cs.append("/F1 ");
                num(cs, op.size()).append(" Tf\n");
                size = op.size();
            }
            if (op.bold() != bold) {
                cs.append(op.bold() ? "2 Tr\n" : "0 Tr\n");
                bold = op.bold();
            }
            cs.append("1 0 0 1 ");
            num(cs, op.x()).append(' ');
            num(cs, op.y()).append(" Tm ");
            embedded.appendHex(cs, op.text());
            cs.append(" Tj\n");
        }
        if (bold) {
            cs.append("0 Tr\n");
        }
        String footer = footer(number, total);
        float width = 0;
        for (int i = 0; i < footer.length(); i++) {
            width += font.advance(footer.charAt(i));
        }
        width = width * PageLayout.FOOTER / 1000f;
        cs.append("/F1 ");
        num(cs, PageLayout.FOOTER).append(" Tf\n1 0 0 1 ");
        num(cs, (PageLayout.PAGE_WIDTH - width) / 2).append(' ');
        num(cs, PageLayout.FOOTER_Y).append(" Tm ");
        embedded.appendHex(cs, footer);
        cs.append(" Tj\nET\n");
        if (seal != null) {
            cs.append(seal); // over the agency's name and the date, as a stamp on paper
        }
        return cs.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Appends a non-negative coordinate with two decimals, without the cost of String.format. */
    private static StringBuilder num(StringBuilder sb, float v) {
        long hundredths = Math.round(v * 100.0);
        if (hundredths < 0) {
            sb.append('-');
            hundredths = -hundredths;
        }
        sb.append(hundredths / 100);
        long frac = hundredths % 100;
        if (frac != 0) {
            sb.append('.').append(frac / 10);
            if (frac % 10 != 0) {
                sb.append(frac % 10);
            }
        }
        return sb;
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
        PDViewerPreferences prefs = new PDViewerPreferences(new COSDictionary());
        prefs.setDisplayDocTitle(true);
        doc.getDocumentCatalog().setViewerPreferences(prefs);
    }
}
