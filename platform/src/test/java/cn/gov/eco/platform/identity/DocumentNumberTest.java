package cn.gov.eco.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

class DocumentNumberTest {

    @Test
    void shouldParseAnIssuedNumberIntoOrganKindYearAndSequence() {
        // DOMAIN §9 #29
        DocumentNumber n = DocumentNumber.parseIssued("泉环罚〔2025〕12号");
        assertThat(n).isEqualTo(new DocumentNumber("泉环", DocumentKind.PENALTY, 2025, 12));
        assertThat(n.format()).isEqualTo("泉环罚〔2025〕12号");
        assertThat(n.seriesKey()).isEqualTo("泉环|罚|2025");
    }

    @ParameterizedTest(name = "{0} -> {1} / {2}")
    @CsvSource({"泉环罚决〔2025〕3号, 泉环, PENALTY_DECISION", "泉环罚告〔2025〕3号, 泉环, PRE_PENALTY_NOTICE",
            "泉环罚听〔2025〕3号, 泉环, HEARING", "丰环立〔2026〕1号, 丰环, FILING", "泉环送〔2025〕100号, 泉环, SERVICE",
            "闽环〔2025〕7号, 闽环, ", "泉州市生态环罚〔2025〕1号, 泉州市生态环, PENALTY"})
    void shouldSplitTheLongestKindMarkerOffTheOrgan(String raw, String org, DocumentKind kind) {
        DocumentNumber n = DocumentNumber.parseIssued(raw);
        assertThat(n.org()).isEqualTo(org);
        assertThat(n.kind()).isEqualTo(kind);
        assertThat(n.format()).isEqualTo(raw);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"泉环罚[2025]12号, DOCNO_BRACKETS", "泉环罚（2025）12号, DOCNO_BRACKETS", "泉环罚【2025】12号, DOCNO_BRACKETS",
            "泉环罚〔25〕12号, DOCNO_YEAR_DIGITS", "泉环罚〔2025〕012号, DOCNO_LEADING_ZERO",
            "泉环罚〔2025〕第12号, DOCNO_ORDINAL_PREFIX", "泉环罚〔2025〕0号, DOCNO_LEADING_ZERO",
            "泉环罚〔2025〕12, DOCNO_FORMAT", "QH罚〔2025〕12号, DOCNO_FORMAT", "泉州市生态环境局罚〔2025〕1号, DOCNO_ORG",
            "罚〔2025〕1号, DOCNO_AMBIGUOUS_ORG", "罚告〔2025〕1号, DOCNO_AMBIGUOUS_ORG"})
    void shouldRejectNonStandardIssuedNumbers(String raw, String code) {
        assertThatThrownBy(() -> DocumentNumber.parseIssued(raw)).isInstanceOf(InvalidDocumentNumberException.class)
                .satisfies(e -> assertThat(((InvalidDocumentNumberException) e).violations())
                        .extracting(Violation::code).contains(code));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void shouldRejectABlankNumber(String raw) {
        assertThat(DocumentNumber.checkIssued(raw).violations()).extracting(Violation::code).containsExactly("DOCNO_BLANK");
        assertThat(DocumentNumber.checkImported(raw).violations()).extracting(Violation::code).containsExactly("DOCNO_BLANK");
    }

    @ParameterizedTest
    @CsvSource({"泉环罚[2025]12号", "泉环罚（2025）12号", "泉环罚(2025)12号", "泉环罚【2025】12号", "泉环罚〔25〕12号",
            "泉环罚[25]12号", " 泉环罚 〔２０２５〕１２号 "})
    void shouldNormaliseImportedNumbers(String raw) {
        DocumentNumberCheck check = DocumentNumber.checkImported(raw);
        assertThat(check.valid()).isTrue();
        assertThat(check.number().format()).isEqualTo("泉环罚〔2025〕12号");
        assertThat(DocumentNumber.parseImported(raw)).isEqualTo(DocumentNumber.parseIssued("泉环罚〔2025〕12号"));
    }

    @Test
    void shouldReportWhatImportNormalisationChanged() {
        assertThat(DocumentNumber.checkImported("泉环罚[25]12号").warnings()).extracting(Violation::code)
                .containsExactly("DOCNO_BRACKETS_NORMALIZED", "DOCNO_YEAR_EXPANDED");
        assertThat(DocumentNumber.checkImported("泉环罚〔2025〕12号").warnings()).isEmpty();
    }

    @Test
    void shouldStillRejectLeadingZerosAndOrdinalsOnImport() {
        assertThatThrownBy(() -> DocumentNumber.parseImported("泉环罚[2025]012号"))
                .isInstanceOf(InvalidDocumentNumberException.class);
        assertThatThrownBy(() -> DocumentNumber.parseImported("泉环罚〔2025〕第12号"))
                .isInstanceOf(InvalidDocumentNumberException.class);
    }

    @Test
    void shouldWarnWhenTheYearDiffersFromTheDecisionYear() {
        DocumentNumber n = DocumentNumber.parseIssued("泉环罚〔2024〕12号");
        assertThat(n.yearMismatchWarning(LocalDate.parse("2025-03-10"))).hasValueSatisfying(v -> {
            assertThat(v.code()).isEqualTo("DOCNO_YEAR_MISMATCH");
            assertThat(v.severity()).isEqualTo(Violation.Severity.WARNING);
        });
        assertThat(n.yearMismatchWarning(LocalDate.parse("2024-12-31"))).isEmpty();
    }

    @Test
    void shouldAllocateOnlyNumbersThatReadBackToTheSameParts() {
        assertThat(DocumentNumber.of("泉环", DocumentKind.PENALTY_DECISION, 2026, 7).format()).isEqualTo("泉环罚决〔2026〕7号");
        assertThat(DocumentNumber.of("闽环", null, 2026, 1).format()).isEqualTo("闽环〔2026〕1号");
        assertThatThrownBy(() -> DocumentNumber.of("泉环罚", null, 2026, 1))
                .isInstanceOf(InvalidDocumentNumberException.class).hasMessageContaining("DOCNO_AMBIGUOUS_ORG");
        assertThatThrownBy(() -> DocumentNumber.of("泉环", DocumentKind.PENALTY, 2026, 0)).hasMessageContaining("DOCNO_SEQUENCE");
        assertThatThrownBy(() -> DocumentNumber.of("泉环", DocumentKind.PENALTY, 26, 1)).hasMessageContaining("DOCNO_YEAR_DIGITS");
        assertThatThrownBy(() -> DocumentNumber.of("QH", DocumentKind.PENALTY, 2026, 1)).hasMessageContaining("DOCNO_ORG");
    }

    @Test
    void shouldGiveTheSameSeriesKeyToDuplicates() {
        assertThat(DocumentNumber.parseIssued("泉环罚〔2025〕12号"))
                .isEqualTo(DocumentNumber.parseImported("泉环罚[2025]12号"));
        assertThat(DocumentNumber.parseIssued("泉环罚〔2025〕12号").seriesKey())
                .isNotEqualTo(DocumentNumber.parseIssued("泉环罚决〔2025〕12号").seriesKey());
    }
}
