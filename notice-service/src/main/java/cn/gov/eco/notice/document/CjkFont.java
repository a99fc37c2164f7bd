package cn.gov.eco.notice.document;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The two faces the documents are set in, read once and embedded as subsets into each PDF: a Song/Ming serif for the
 * body, the 版头 and the title (GB/T 9704-2012 sets the body in 仿宋 and the title in 小标宋; AR PL UMing CN, Debian's
 * {@code fonts-arphic-uming}, is the serif of that family that Debian ships with mainland glyph forms and full
 * coverage), and a heavier 黑体 for the section headings (WenQuanYi Micro Hei, {@code fonts-wqy-microhei}, as
 * GB/T 9704 sets first-level headings in 黑体). AR PL SungtiL GB ({@code fonts-arphic-gbsn00lp}) was checked too: it
 * lacks 〇, which every date in Chinese numerals needs, and covers GB 2312 only.
 *
 * <p>Each face is held as plain arrays ({@link TrueTypeFace}): immutable, shared by all rendering threads, never
 * parsed again after start.
 */
public final class CjkFont {

    /** Debian's {@code fonts-arphic-uming}: AR PL UMing, Arphic Public License (embedding allowed); face UMing CN. */
    public static final Path DEFAULT_PATH = Path.of("/usr/share/fonts/truetype/arphic/uming.ttc");
    /** Debian's {@code fonts-wqy-microhei}: Apache-2.0 or GPL-3 with the font embedding exception. */
    public static final Path DEFAULT_HEADING_PATH = Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");

    /** Which face a run of text is set in. */
    enum Face {
        /** The Song/Ming serif: body, 版头, title, signature. */
        SONG,
        /** The 黑体: section headings. */
        HEI
    }

    private final TrueTypeFace song;
    private final TrueTypeFace hei;

    /** Font-wide values of the PDF font descriptor, in 1/1000 em. */
    record Metrics(float[] bbox, float ascent, float descent, float capHeight, int stemV) {
    }

    private CjkFont(TrueTypeFace song, TrueTypeFace hei) {
        this.song = song;
        this.hei = hei;
    }

    /** Loads AR PL UMing CN for the body and WenQuanYi Micro Hei for the headings, from Debian's paths. */
    public static CjkFont loadDefault() {
        return load(DEFAULT_PATH, DEFAULT_HEADING_PATH);
    }

    /** One face for everything (an agency's own font): headings are then set in it too. */
    public static CjkFont load(Path path) {
        TrueTypeFace face = read(path);
        return new CjkFont(face, face);
    }

    /**
     * Loads the serif body face and the heading face: TrueType fonts ({@code .ttf}) or collections ({@code .ttc},
     * first face used). TrueType outlines only: CFF-based CJK fonts such as Noto CJK are refused.
     *
     * @throws FontUnavailableException when a file is missing or unreadable
     */
    public static CjkFont load(Path body, Path heading) {
        TrueTypeFace song = read(body);
        return new CjkFont(song, body.equals(heading) ? song : read(heading));
    }

    private static TrueTypeFace read(Path path) {
        String install = "install it with `deploy/ensure-font.sh` (Debian: `apt-get install fonts-arphic-uming"
                + " fonts-wqy-microhei`) or set notice.font-path / notice.heading-font-path to another TrueType CJK"
                + " font whose licence allows embedding";
        if (path == null || !Files.isReadable(path)) {
            throw new FontUnavailableException("CJK font not found at " + path + "; " + install);
        }
        try {
            return TrueTypeFace.read(path);
        } catch (IOException | RuntimeException e) {
            throw new FontUnavailableException("cannot read CJK font " + path + ": " + e.getMessage() + "; "
                    + install, e);
        }
    }

    public Path source() {
        return song.source();
    }

    public String postScriptName() {
        return song.postScriptName();
    }

    /** How many parsed copies of each face exist: one, shared by every thread. */
    public int parsedCopies() {
        return 1;
    }

    TrueTypeFace face(Face face) {
        return face == Face.HEI ? hei : song;
    }

    /** Width of a code point in the body face in 1/1000 em, or a negative number when it has no glyph for it. */
    float advance(int codePoint) {
        return song.advance(codePoint);
    }

    float advance(Face face, int codePoint) {
        return face(face).advance(codePoint);
    }
}
