package cn.gov.eco.platform.text;

import cn.gov.eco.platform.web.Violation;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 16, row 2: what the documents cannot print is refused where it is entered, naming the field and the rule. */
class PrintableTextTest {

    private static final PrintableText TEXT = new PrintableText(FontCoverage.load(FontCoverage.DEFAULT_PATH));

    private static List<String> rules(String value, PrintableText.Limit limit) {
        List<Violation> v = new ArrayList<>();
        TEXT.required(v, "enterprise.name", value, limit, "当事人名称", "the party's name");
        v.forEach(x -> assertThat(x.field()).isEqualTo("enterprise.name"));
        return v.stream().map(Violation::rule).toList();
    }

    @Test
    void shouldAcceptAnOrdinaryChineseNameAndMultiLineFacts() {
        assertThat(rules("某某环保科技有限公司（分公司）", PrintableText.Limit.line(200))).isEmpty();
        assertThat(rules("第一段。\n第二段：PM2.5 超标 3.2 倍。", PrintableText.Limit.lines(20_000))).isEmpty();
    }

    @Test
    void shouldRefuseABidiOverrideThatWouldReorderWhatTheDocumentShows() {
        assertThat(rules("某某公司\u202E司公", PrintableText.Limit.line(200))).containsExactly("TEXT_BIDI_CONTROL");
        assertThat(rules("某某\u2066公司", PrintableText.Limit.line(200))).containsExactly("TEXT_BIDI_CONTROL");
    }

    @Test
    void shouldRefuseNulAndOtherControlCharacters() {
        assertThat(rules("某某\u0000公司", PrintableText.Limit.line(200))).containsExactly("TEXT_CONTROL_CHARACTER");
        assertThat(rules("某某\u200B公司", PrintableText.Limit.line(200))).containsExactly("TEXT_CONTROL_CHARACTER");
    }

    @Test
    void shouldRefuseALoneSurrogate() {
        assertThat(rules("某某\uD800公司", PrintableText.Limit.line(200))).containsExactly("TEXT_LONE_SURROGATE");
        assertThat(rules("某某公司\uDC00", PrintableText.Limit.line(200))).containsExactly("TEXT_LONE_SURROGATE");
    }

    @Test
    void shouldRefuseALineBreakInASingleLineField() {
        assertThat(rules("某某\n公司", PrintableText.Limit.line(200))).containsExactly("TEXT_LINE_BREAK");
    }

    @Test
    void shouldRefuseTextLongerThanTheDocumentedMaximum() {
        assertThat(rules("公".repeat(201), PrintableText.Limit.line(200))).containsExactly("TOO_LONG");
        assertThat(rules("公".repeat(200), PrintableText.Limit.line(200))).isEmpty();
    }

    @Test
    void shouldRefuseTextThatIsNotNfcNormalised() {
        assertThat(rules("Cafe\u0301", PrintableText.Limit.line(200))).containsExactly("TEXT_NOT_NFC");
        assertThat(rules("Caf\u00E9", PrintableText.Limit.line(200))).isEmpty();
    }

    @Test
    void shouldRefuseACharacterTheDocumentsFontCannotPrint() {
        var coverage = FontCoverage.load(FontCoverage.DEFAULT_PATH);
        org.junit.jupiter.api.Assumptions.assumeTrue(coverage.active(), "the WenQuanYi font is installed");
        // U+20000 (CJK Extension B) and an emoji are outside WenQuanYi Micro Hei
        assertThat(rules("某某\uD840\uDC00公司", PrintableText.Limit.line(200))).containsExactly("TEXT_NOT_IN_FONT");
        assertThat(rules("某某😀公司", PrintableText.Limit.line(200))).containsExactly("TEXT_NOT_IN_FONT");
    }

    @Test
    void shouldTreatEveryCharacterAsPrintableWithoutTheFontFile() {
        var none = FontCoverage.load(Path.of("/nonexistent/font.ttc"));
        assertThat(none.active()).isFalse();
        assertThat(none.test(0x20000)).isTrue();
    }
}
