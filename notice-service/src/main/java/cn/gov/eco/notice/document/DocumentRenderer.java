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
    private final boolean oneFace;
    private final FixedFonts decisionFonts;
    private final FixedFonts noticeFonts;
    private final FixedFonts receiptFonts;

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
        this.oneFace = font.face(CjkFont.Face.SONG) == font.face(CjkFont.Face.HEI);
        this.decisionFonts = fixedFonts(templates.decision());
        this.noticeFonts = fixedFonts(templates.notice());
        this.receiptFonts = fixedFonts(templates.receipt());
    }

    /** The 行政处罚决定书 as PDF bytes. */
    public byte[] renderDecision(PenaltyDecisionDocument decision) {
        Map<String, Object> model = DocumentModels.decision(decision, agency);
        return render(templates.decision(), decisionFonts, model, decision.documentNumber(),
                decision.issuingAgency());
    }

    /** The 企业环境信用信息修复权益告知书 as PDF bytes. */
    public byte[] renderNotice(RepairRightsNoticeDocument notice) {
        Map<String, Object> model = DocumentModels.notice(notice, agency);
        return render(templates.notice(), noticeFonts, model, notice.documentNumber(), notice.issuingAgency());
    }

    /**
     * Characters most documents print in their fields besides the template's own text: digits, Latin letters,
     * punctuation, Chinese numerals and dates, the words of names, addresses and amounts. They join the subset made
     * once per template, so that a document's own subset stays small.
     */
    private static final String COMMON = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
            + " !\"#$%&'()*+,-./:;<=>?@[]_{}~（）〔〕【】《》“”‘’，。、；：？！…—·％"
            + "〇一二三四五六七八九十百千万亿元角分年月日时号第条款项之"
            + "人民币有限责任公司股份集团厂区市县镇乡村街道路园号楼室省自治州盟旗"
            + "福建泉州厦门福州漳莆田三明南平龙岩宁德平潭生态环境局执法罚立字告知修复";

    /** The subsets of a template's fixed text, made once per template (GB/T 9704's faces: Song, and Hei). */
    private record FixedFonts(FontSubset song, FontSubset hei) {
        FontSubset of(CjkFont.Face face) {
            return face == CjkFont.Face.HEI ? hei : song;
        }
    }

    private FixedFonts fixedFonts(DocumentTemplate template) {
        BitSet song = new BitSet(0x10000);
        collect(song, template.fixedText(false));
        collect(song, COMMON);
        for (int p = 1; p <= 9; p++) {
            collect(song, footer(p));
        }
        BitSet hei = new BitSet(0x10000);
        collect(hei, template.fixedText(true));
        collect(hei, "一二三四五六七八九十、（）");
        if (oneFace) {
            song.or(hei);
        }
        FontSubset songSubset = FontSubset.of(font.face(CjkFont.Face.SONG), available(CjkFont.Face.SONG, song));
        return new FixedFonts(songSubset,
                oneFace ? songSubset : FontSubset.of(font.face(CjkFont.Face.HEI), available(CjkFont.Face.HEI, hei)));
    }

    /** The code points the face has: one it lacks stops the document that prints it, in the layout. */
    private BitSet available(CjkFont.Face face, BitSet codePoints) {
        BitSet has = new BitSet(0x10000);
        for (int cp = codePoints.nextSetBit(0); cp >= 0; cp = codePoints.nextSetBit(cp + 1)) {
            if (font.face(face).glyph(cp) != 0) {
                has.set(cp);
            }
        }
        return has;
    }

    /** The 送达回证 of a served delivery as PDF bytes, sealed like the documents it lists. */
    public byte[] renderReceipt(ServiceReceiptDocument receipt) {
        Map<String, Object> model = DocumentModels.receipt(receipt, agency);
        return render(templates.receipt(), receiptFonts, model, receipt.documents().getFirst(),
                receipt.issuingAgency());
    }

    private byte[] render(DocumentTemplate template, FixedFonts fixed, Map<String, Object> model, String number,
                          String author) {
        List<LayoutBlock> blocks = template.fill(model);
        List<PageLayout.Page> pages = new PageLayout(font).layout(blocks);
        int total = pages.size();
        // the characters of the fields that the template's subsets lack: this document's own subsets
        BitSet songExtra = new BitSet();
        BitSet heiExtra = oneFace ? songExtra : new BitSet();
        for (PageLayout.Page page : pages) {
            for (PageLayout.TextOp op : page.texts()) {
                FontSubset base = fixed.of(op.face());
                BitSet extra = op.face() == CjkFont.Face.HEI ? heiExtra : songExtra;
                String text = op.text();
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    if (!base.has(c)) {
                        extra.set(c);
                    }
                }
            }
        }
        for (int p = 10; p <= total; p++) {
            collect(songExtra, footer(p));
        }
        try (PDDocument doc = new PDDocument()) {
            metadata(doc, template, number, author);
            COSDictionary fonts = new COSDictionary();
            fonts.setItem(SONG_RESOURCE, fixed.song().embed(doc));
            if (!oneFace) {
                fonts.setItem(HEI_RESOURCE, fixed.hei().embed(doc));
            }
            FontSubset songOwn = songExtra.isEmpty() ? null
                    : FontSubset.own(font.face(CjkFont.Face.SONG), songExtra);
            if (songOwn != null) {
                fonts.setItem(SONG_OWN_RESOURCE, songOwn.embed(doc));
            }
            FontSubset heiOwn = oneFace ? songOwn : heiExtra.isEmpty() ? null
                    : FontSubset.own(font.face(CjkFont.Face.HEI), heiExtra);
            if (heiOwn != null && !oneFace) {
                fonts.setItem(HEI_OWN_RESOURCE, heiOwn.embed(doc));
            }
            Fonts set = new Fonts(fixed, songOwn, heiOwn);
            for (int p = 0; p < total; p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                PDResources resources = new PDResources();
                resources.getCOSObject().setItem(COSName.FONT, fonts);
                page.setResources(resources);
                String seal = seal(doc, resources, pages.get(p));
                byte[] content = content(set, pages.get(p), p + 1, seal);
                // written as it is: deflating the pages' text was a sixth of the CPU; hashing the bytes costs far less
                page.setContents(new PDStream(Streams.raw(doc, content)));
                doc.addPage(page);
            }
            return sealer.save(doc);
        } catch (IOException e) {
            throw new DocumentRenderingException("cannot render " + template.name() + " " + number + ": "
                    + e.getMessage(), e);
        }
    }

    /** A document's fonts: the template's subsets and its own, with their resource names. */
    private final class Fonts {
        private final FixedFonts fixed;
        private final FontSubset songOwn;
        private final FontSubset heiOwn;

        Fonts(FixedFonts fixed, FontSubset songOwn, FontSubset heiOwn) {
            this.fixed = fixed;
            this.songOwn = songOwn;
            this.heiOwn = heiOwn;
        }

        /** Appends the operators that show {@code text} in {@code face}, switching subsets where needed. */
        void show(StringBuilder cs, CjkFont.Face face, float size, String text, String[] current) {
            FontSubset base = fixed.of(face);
            boolean hei = face == CjkFont.Face.HEI && !oneFace;
            int i = 0;
            while (i < text.length()) {
                boolean inBase = base.has(text.charAt(i));
                int end = i + 1;
                while (end < text.length() && base.has(text.charAt(end)) == inBase) {
                    end++;
                }
                String name = inBase ? (hei ? "/F2" : "/F1") : (hei ? "/F4" : "/F3");
                String selected = name + ' ' + size;
                if (!selected.equals(current[0])) {
                    cs.append(name).append(' ');
                    num(cs, size).append(" Tf ");
                    current[0] = selected;
                }
                (inBase ? base : hei ? heiOwn : songOwn).appendHex(cs, text, i, end);
                cs.append(" Tj\n");
                i = end;
            }
        }
    }

    private static void collect(BitSet codePoints, String text) {
        for (int i = 0; i < text.length(); i++) {
            codePoints.set(text.charAt(i));
        }
    }

    private static final COSName SONG_RESOURCE = COSName.getPDFName("F1");
    private static final COSName HEI_RESOURCE = COSName.getPDFName("F2");
    private static final COSName SONG_OWN_RESOURCE = COSName.getPDFName("F3");
    private static final COSName HEI_OWN_RESOURCE = COSName.getPDFName("F4");
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
    private byte[] content(Fonts fonts, PageLayout.Page page, int number, String seal) {
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
        String[] current = {""};
        float stroke = 0;
        boolean red = false;
        for (PageLayout.TextOp op : page.texts()) {
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
            fonts.show(cs, op.face(), op.size(), op.text(), current);
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
        cs.append("1 0 0 1 ");
        num(cs, x).append(' ');
        num(cs, PageLayout.FOOTER_Y).append(" Tm ");
        fonts.show(cs, CjkFont.Face.SONG, PageLayout.FOOTER, footer, current);
        cs.append("ET\n");
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
