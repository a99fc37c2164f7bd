package cn.gov.eco.platform.text;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntPredicate;

/**
 * Which characters the documents' font can print, read from the same font file notice-service embeds (WenQuanYi
 * Micro Hei by default, {@code NOTICE_FONT_PATH}), so that a request is refused at the edge instead of a decision being
 * dead-lettered by the renderer later (issue 16, row 2). The JDK's own font reader is used: no PDF library is needed
 * by a service that only checks input.
 */
public final class FontCoverage implements IntPredicate {

    private static final Logger log = LoggerFactory.getLogger(FontCoverage.class);
    public static final Path DEFAULT_PATH = Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");

    private final Font font;
    private final Path source;

    private FontCoverage(Font font, Path source) {
        this.font = font;
        this.source = source;
    }

    /**
     * The first face of a TrueType font or collection. When the file is missing (a machine without the font), every
     * character counts as covered and a warning says so: notice-service, which needs the font, refuses to start there.
     */
    public static FontCoverage load(Path path) {
        if (path == null || !Files.isReadable(path)) {
            log.warn("documents' font not found at {}: the font-coverage check of printed fields is off", path);
            return new FontCoverage(null, path);
        }
        try {
            Font[] faces = Font.createFonts(path.toFile());
            return new FontCoverage(faces[0], path);
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException("cannot read the documents' font " + path + ": " + e.getMessage(), e);
        }
    }

    public boolean active() {
        return font != null;
    }

    public Path source() {
        return source;
    }

    @Override
    public boolean test(int codePoint) {
        return font == null || font.canDisplay(codePoint);
    }
}
