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

import java.nio.charset.StandardCharsets;
import java.util.BitSet;

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
 * <p>The layout follows GB/T 9704-2012 (党政机关公文格式) where it applies: the issuing agency's name as a red 版头,
 * the 发文字号 under it and a red separator, the title in a heavy serif, the body in a Song/Ming serif of 3号 on
 * 22 lines, headings in 黑体, the seal over the agency's name and the date, page numbers "— 1 —".
 *
 * <p>Thread-safe: templates, the agency profile, the faces and the seal drawing are immutable and shared. Per
 * document, the only font work is writing the subsets of the glyphs used. The finished document is written by a {@link DocumentSealer}: the service's signs it with the
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
    private final DevelopmentSeal developmentSeal;

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
        this.developmentSeal = sealPicture != null ? null
                : DevelopmentSeal.of(font.face(CjkFont.Face.SONG), agency.name());
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
        boolean oneFace = font.face(CjkFont.Face.SONG) == font.face(CjkFont.Face.HEI);
        BitSet song = new BitSet(0x10000);
        BitSet hei = oneFace ? song : new BitSet(0x10000);
        for (PageLayout.Page page : pages) {
            for (PageLayout.TextOp op : page.texts()) {
                collect(op.face() == CjkFont.Face.HEI ? hei : song, op.text());
            }
        }
        for (int p = 1; p <= total; p++) {
            collect(song, footer(p));
        }
        try (PDDocument doc = new PDDocument()) {
            SubsetFontEmbedder songFont = new SubsetFontEmbedder(doc, font.face(CjkFont.Face.SONG), song);
            SubsetFontEmbedder heiFont = oneFace || hei.isEmpty() ? songFont
                    : new SubsetFontEmbedder(doc, font.face(CjkFont.Face.HEI), hei);
            metadata(doc, template, number, author);
            COSDictionary fonts = new COSDictionary();
            fonts.setItem(SONG_RESOURCE, songFont.fontDictionary());
            if (heiFont != songFont) {
                fonts.setItem(HEI_RESOURCE, heiFont.fontDictionary());
            }
            for (int p = 0; p < total; p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                PDResources resources = new PDResources();
                resources.getCOSObject().setItem(COSName.FONT, fonts);
                page.setResources(resources);
                String seal = seal(doc, resources, pages.get(p));
                byte[] content = content(songFont, heiFont, pages.get(p), p + 1, seal);
                page.setContents(new PDStream(Streams.deflated(doc, content)));
                doc.addPage(page);
            }
            return sealer.save(doc);
        } catch (IOException e) {
            throw new DocumentRenderingException("cannot render " + template.name() + " " + number + ": "
                    + e.getMessage(), e);
        }
    }

    private static void collect(BitSet codePoints, String text) {
        for (int i = 0; i < text.length(); i++) {
            codePoints.set(text.charAt(i));
        }
    }

    private static final COSName SONG_RESOURCE = COSName.getPDFName("F1");
    private static final COSName HEI_RESOURCE = COSName.getPDFName("F2");
    private static final COSName SEAL_RESOURCE = COSName.getPDFName("Seal");
    private static final COSName SEAL_STATE = COSName.getPDFName("GSeal");
    private static final String RED = "0.85 0.08 0.1";

    /**
     * Adds the seal to a page with a signature block: the agency's picture when it has one, else the development seal;
     * returns the drawing operators for the content stream, or null. The seal is multiplied onto the page, as ink
     * over print: the text under it stays legible.
     */
    private String seal(PDDocument doc, PDResources resources, PageLayout.Page page) throws IOException {
        if (page.seals().isEmpty()) {
            return null;
        }
        COSDictionary state = new COSDictionary();
        state.setItem(COSName.TYPE, COSName.EXT_G_STATE);
        state.setItem(COSName.BM, COSName.getPDFName("Multiply"));
        COSDictionary states = new COSDictionary();
        states.setItem(SEAL_STATE, state);
        resources.getCOSObject().setItem(COSName.EXT_G_STATE, states);
        StringBuilder cs = new StringBuilder(128);
        if (sealPicture == null) {
            COSDictionary xobjects = new COSDictionary();
            xobjects.setItem(SEAL_RESOURCE, developmentSeal.embed(doc));
            resources.getCOSObject().setItem(COSName.XOBJECT, xobjects);
            for (PageLayout.SealMark mark : page.seals()) {
                cs.append("q /GSeal gs 1 0 0 1 ");
                num(cs, mark.centreX()).append(' ');
                num(cs, mark.centreY()).append(" cm /Seal Do Q\n");
            }
            return cs.toString();
        }
        PDImageXObject xobject = sealPicture.embed(doc);
        resources.put(SEAL_RESOURCE, xobject);
        float size = agency.sealImage().diameterMm() * PageLayout.MM;
        float ratio = sealPicture.height() / (float) sealPicture.width();
        for (PageLayout.SealMark mark : page.seals()) {
            float w = size;
            float h = size * ratio;
            cs.append("q /GSeal gs ");
            num(cs, w).append(" 0 0 ");
            num(cs, h).append(' ');
            num(cs, mark.centreX() - w / 2).append(' ');
            num(cs, mark.centreY() - h / 2).append(" cm /Seal Do Q\n");
        }
        return cs.toString();
    }

    /** GB/T 9704-2012 §7.5: "— 1 —". */
    static String footer(int number) {
        return "— " + number + " —";
    }

    /** The page's content stream (ISO 32000-1 §9.4): rules, then all text in one text object, then the seal. */
    private byte[] content(SubsetFontEmbedder song, SubsetFontEmbedder hei, PageLayout.Page page, int number,
                           String seal) {
        StringBuilder cs = new StringBuilder(8192);
        for (PageLayout.RuleOp rule : page.rules()) {
            cs.append(rule.red() ? RED : "0 0 0").append(" RG ");
            num(cs, rule.width()).append(" w ");
            num(cs, rule.x1()).append(' ');
            num(cs, rule.y()).append(" m ");
            num(cs, rule.x2()).append(' ');
            num(cs, rule.y()).append(" l S\n");
        }
        cs.append("BT\n");
        float size = -1;
        CjkFont.Face face = null;
        float stroke = 0;
        boolean red = false;
        for (PageLayout.TextOp op : page.texts()) {
            if (op.size() != size || op.face() != face) {
                cs.append(op.face() == CjkFont.Face.HEI && hei != song ? "/F2 " : "/F1 ");
                num(cs, op.size()).append(" Tf\n");
                size = op.size();
                face = op.face();
            }
            if (op.stroke() != stroke) {
                // fill and stroke: the serif face drawn heavier, as 小标宋 is (no bold face is embedded)
                if (op.stroke() > 0) {
                    num(cs, op.stroke()).append(" w 2 Tr\n");
                } else {
                    cs.append("0 Tr\n");
                }
                stroke = op.stroke();
            }
            if (op.red() != red) {
                cs.append(op.red() ? RED + " rg " + RED + " RG\n" : "0 g 0 G\n");
                red = op.red();
            }
            cs.append("1 0 0 1 ");
            num(cs, op.x()).append(' ');
            num(cs, op.y()).append(" Tm ");
            (op.face() == CjkFont.Face.HEI ? hei : song).appendHex(cs, op.text());
            cs.append(" Tj\n");
        }
        if (stroke > 0) {
            cs.append("0 Tr\n");
        }
        if (red) {
            cs.append("0 g 0 G\n");
        }
        // odd pages on the right, even pages on the left, one character from the edge of the 版心
        String footer = footer(number);
        float width = 0;
        for (int i = 0; i < footer.length(); i++) {
            width += font.advance(footer.charAt(i));
        }
        width = width * PageLayout.FOOTER / 1000f;
        float x = number % 2 == 1 ? PageLayout.PAGE_WIDTH - PageLayout.MARGIN_RIGHT - PageLayout.FOOTER - width
                : PageLayout.MARGIN_LEFT + PageLayout.FOOTER;
        cs.append("/F1 ");
        num(cs, PageLayout.FOOTER).append(" Tf\n1 0 0 1 ");
        num(cs, x).append(' ');
        num(cs, PageLayout.FOOTER_Y).append(" Tm ");
        song.appendHex(cs, footer);
        cs.append(" Tj\nET\n");
        if (seal != null) {
            cs.append(seal); // over the agency's name and the date, as a stamp on paper
        }
        return cs.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static StringBuilder num(StringBuilder sb, float v) {
        return PdfNumbers.append(sb, v);
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
