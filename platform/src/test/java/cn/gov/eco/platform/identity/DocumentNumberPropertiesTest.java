package cn.gov.eco.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class DocumentNumberPropertiesTest {

    @Provide
    Arbitrary<String> orgs() {
        return Arbitraries.strings().withChars("泉环州闽丰惠晋江市局罚立送告").ofMinLength(1).ofMaxLength(6);
    }

    @Provide
    Arbitrary<DocumentKind> kinds() {
        return Arbitraries.of(DocumentKind.class).injectNull(0.2);
    }

    @Property
    void everyAllocatableNumberReadsBackAsIssued(@ForAll("orgs") String org, @ForAll("kinds") DocumentKind kind,
                                                 @ForAll @IntRange(min = 1000, max = 9999) int year,
                                                 @ForAll @IntRange(min = 1, max = 1_000_000) int seq) {
        DocumentNumber n;
        try {
            n = DocumentNumber.of(org, kind, year, seq);
        } catch (InvalidDocumentNumberException e) {
            assertThat(e.violation().code()).isEqualTo(DocumentNumber.DOCNO_AMBIGUOUS_ORG);
            return;
        }
        assertThat(DocumentNumber.parseIssued(n.format())).isEqualTo(n);
        assertThat(DocumentNumber.parseImported(n.format())).isEqualTo(n);
    }
}
