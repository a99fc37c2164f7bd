package cn.gov.eco.notice.signature;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.junit.jupiter.api.Test;

import cn.gov.eco.notice.document.DocumentSealer;

import static cn.gov.eco.notice.signature.TestDocuments.AGENCY;
import static cn.gov.eco.notice.signature.TestDocuments.CLOCK;
import static cn.gov.eco.notice.signature.TestDocuments.SIGNED_AT;
import static cn.gov.eco.notice.signature.TestDocuments.SIGNER;
import static cn.gov.eco.notice.signature.TestDocuments.document;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SealVerifierTest {

    private static final SealKey KEY = TestDocuments.ecKey();
    private static final PdfSealer SEALER = new PdfSealer(KEY, SIGNER, CLOCK);
    private static final SealVerifier VERIFIER = new SealVerifier(List.of(KEY.certificate()), CLOCK);

    private static List<String> codes(SealVerification v) {
        return v.reasons().stream().map(SealVerification.Reason::code).toList();
    }

    @Test
    void shouldVerifyADocumentSealedAsItIsSaved() throws Exception {
        byte[] pdf = document(SEALER, "Decision 12");

        SealVerification v = VERIFIER.verify(pdf);

        assertThat(v.valid()).isTrue();
        assertThat(v.signed()).isTrue();
        assertThat(v.reasons()).isEmpty();
        assertThat(v.signerSubject()).isEqualTo("CN=泉州市生态环境局 电子印章（开发用）,O=泉州市生态环境局,C=CN");
        assertThat(v.signerName()).isEqualTo(AGENCY);
        assertThat(v.signingTime()).isEqualTo(SIGNED_AT);
        assertThat(v.signatures()).singleElement().satisfies(s -> {
            assertThat(s.intact()).isTrue();
            assertThat(s.trusted()).isTrue();
            assertThat(s.coversWholeDocument()).isTrue();
            assertThat(s.subFilter()).isEqualTo("ETSI.CAdES.detached");
            assertThat(s.reason()).isEqualTo("电子印章 / electronic seal");
            assertThat(s.location()).isEqualTo("福建省泉州市");
            assertThat(s.certificateSha256()).isEqualTo(KEY.fingerprint());
        });
    }

    @Test
    void shouldSignTheWholeFileButTheSignatureInOneRevision() throws Exception {
        byte[] pdf = document(SEALER, "Decision 12");

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDSignature signature = doc.getSignatureDictionaries().getFirst();
            int[] range = signature.getByteRange();
            assertThat(range[0]).isZero();
            assertThat(range[2] + range[3]).isEqualTo(pdf.length);
            assertThat(pdf[range[1]]).isEqualTo((byte) '<');
            assertThat(pdf[range[2] - 1]).isEqualTo((byte) '>');
            assertThat(signature.getName()).isEqualTo(AGENCY);
            assertThat(signature.getSignDate().toInstant()).isEqualTo(SIGNED_AT);
        }
        // one revision: the signature was written with the document, not appended to it
        assertThat(occurrences(pdf, "%%EOF")).isEqualTo(1);
    }

    @Test
    void shouldReportTheDocumentModifiedAfterSigningWhenOneByteOfTheTitleChanges() throws Exception {
        byte[] pdf = document(SEALER, "Decision 12");
        int at = indexOf(pdf, "(Decision 12)") + "(Decision ".length();
        pdf[at] = '7'; // 泉环罚〔2025〕12号 becomes 72号

        SealVerification v = VERIFIER.verify(pdf);

        assertThat(v.valid()).isFalse();
        assertThat(codes(v)).containsExactly("MODIFIED_AFTER_SIGNING");
        assertThat(v.reasons().getFirst().messageZh()).startsWith("文档在签名后被修改");
        assertThat(v.reasons().getFirst().messageEn()).startsWith("Document modified after signing");
        assertThat(v.signatures().getFirst().intact()).isFalse();
        assertThat(v.signatures().getFirst().trusted()).isTrue();
    }

    @Test
    void shouldReportTheDocumentModifiedWhenOneBitOfAPageContentStreamFlips() throws Exception {
        byte[] pdf = document(SEALER, "Decision 12");
        int data = indexOf(pdf, "stream\r\n") + "stream\r\n".length();
        pdf[data + 4] ^= 0x01;

        SealVerification v = VERIFIER.verify(pdf);

        assertThat(v.valid()).isFalse();
        assertThat(codes(v)).containsExactly("MODIFIED_AFTER_SIGNING");
    }

    @Test
    void shouldStillReportTheModificationWhenTheChangedByteMakesTheFileUnreadable() throws Exception {
        byte[] pdf = document(SEALER, "Decision 12");
        int at = indexOf(pdf, "/Type /Catalog");
        pdf[at + 1] = 'X'; // /Xype: PDFBox finds no catalog and cannot load the file

        SealVerification v = VERIFIER.verify(pdf);

        assertThat(v.valid()).isFalse();
        assertThat(codes(v)).containsExactly("MODIFIED_AFTER_SIGNING");
    }

    @Test
    void shouldDetectAnIncrementalUpdateAppendedAfterSigning() throws Exception {
        byte[] signed = document(SEALER, "Decision 12");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument doc = Loader.loadPDF(signed)) {
            doc.getDocumentInformation().setTitle("Decision 72");
            doc.getDocumentInformation().getCOSObject().setNeedToBeUpdated(true);
            doc.saveIncremental(out);
        }
        byte[] updated = out.toByteArray();
        assertThat(Arrays.equals(updated, 0, signed.length, signed, 0, signed.length)).isTrue();
        assertThat(updated.length).isGreaterThan(signed.length);

        SealVerification v = VERIFIER.verify(updated);

        assertThat(v.valid()).isFalse();
        assertThat(codes(v)).containsExactly("UPDATED_AFTER_SIGNING");
        assertThat(v.reasons().getFirst().messageZh()).startsWith("文档在签名后被修改");
        // the signed revision itself is intact: only what came after it is not covered
        assertThat(v.signatures()).singleElement().satisfies(s -> {
            assertThat(s.intact()).isTrue();
            assertThat(s.coversWholeDocument()).isFalse();
        });
    }

    @Test
    void shouldAcceptASecondTrustedSignatureThatCoversTheUpdate() throws Exception {
        byte[] signed = document(SEALER, "Decision 12");

        byte[] countersigned = SEALER.seal(signed);
        SealVerification v = VERIFIER.verify(countersigned);

        assertThat(v.valid()).isTrue();
        assertThat(v.signatures()).hasSize(2);
        assertThat(v.signatures().get(0).coversWholeDocument()).isFalse();
        assertThat(v.signatures().get(1).coversWholeDocument()).isTrue();
    }

    @Test
    void shouldRejectADocumentSealedByAnotherKeyWithTheSameName() throws Exception {
        SealKey other = TestDocuments.ecKey(); // same subject, another key: what anyone can make
        byte[] pdf = document(new PdfSealer(other, SIGNER, CLOCK), "Decision 12");

        SealVerification v = VERIFIER.verify(pdf);

        assertThat(v.valid()).isFalse();
        assertThat(codes(v)).containsExactly("UNTRUSTED_CERTIFICATE");
        assertThat(v.reasons().getFirst().messageZh()).startsWith("签名证书不受信任");
        assertThat(v.signatures().getFirst().intact()).isTrue();
        assertThat(v.signatures().getFirst().trusted()).isFalse();
        assertThat(v.signatures().getFirst().certificateSha256()).isEqualTo(other.fingerprint())
                .isNotEqualTo(KEY.fingerprint());
    }

    @Test
    void shouldSayNotSignedForAnUnsignedPdf() throws Exception {
        SealVerification v = VERIFIER.verify(document(DocumentSealer.UNSEALED, "Decision 12"));

        assertThat(v.valid()).isFalse();
        assertThat(v.signed()).isFalse();
        assertThat(codes(v)).containsExactly("NOT_SIGNED");
        assertThat(v.reasons().getFirst().messageZh()).startsWith("未签名");
        assertThat(v.reasons().getFirst().messageEn()).startsWith("Not signed");
    }

    @Test
    void shouldRefuseBytesThatAreNotAPdfAtAll() {
        assertThatThrownBy(() -> VERIFIER.verify("hello, not a PDF".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(NotAPdfException.class);
        assertThatThrownBy(() -> VERIFIER.verify(new byte[0])).isInstanceOf(NotAPdfException.class);
    }

    @Test
    void shouldAnswerADamagedPdfAsUnreadableNotAsAnError() {
        SealVerification v = VERIFIER.verify("%PDF-1.7\nnothing else".getBytes(StandardCharsets.US_ASCII));

        assertThat(v.valid()).isFalse();
        assertThat(codes(v)).containsExactly("DOCUMENT_UNREADABLE");
    }

    @Test
    void shouldRejectAChangedSignatureValue() throws Exception {
        byte[] pdf = document(SEALER, "Decision 12");
        int[] range;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            range = doc.getSignatureDictionaries().getFirst().getByteRange();
        }
        byte[] contents = java.util.HexFormat.of().parseHex(new String(pdf, range[1] + 1, range[2] - range[1] - 2,
                StandardCharsets.US_ASCII));
        ByteArrayInputStream in = new ByteArrayInputStream(contents);
        new ASN1InputStream(in).readObject();
        int cmsLength = contents.length - in.available();
        int lastHexDigit = range[1] + 2 * cmsLength; // the last byte of the signature value ends the CMS
        pdf[lastHexDigit] = (byte) (pdf[lastHexDigit] == '0' ? '1' : '0');

        SealVerification v = VERIFIER.verify(pdf);

        assertThat(v.valid()).isFalse();
        assertThat(codes(v)).containsAnyOf("SIGNATURE_INVALID", "SIGNATURE_MALFORMED")
                .doesNotContain("MODIFIED_AFTER_SIGNING");
    }

    @Test
    void shouldTrustASealCertificateIssuedByATrustedCa() throws Exception {
        TestDocuments.IssuedKey issued = TestDocuments.issuedByCa();
        byte[] pdf = document(new PdfSealer(issued.key(), SIGNER, CLOCK), "Decision 12");

        assertThat(new SealVerifier(List.of(issued.ca()), CLOCK).verify(pdf).valid()).isTrue();
        assertThat(codes(VERIFIER.verify(pdf))).containsExactly("UNTRUSTED_CERTIFICATE");
    }

    @Test
    void shouldRejectASignatureMadeAfterTheCertificateExpired() throws Exception {
        Clock longAgo = Clock.fixed(Instant.parse("2000-01-01T00:00:00Z"), ZoneOffset.UTC);
        SealKey expired = DevelopmentSealKey.create(AGENCY, DevelopmentSealKey.Algorithm.EC_P256, longAgo);
        byte[] pdf = document(new PdfSealer(expired, SIGNER, CLOCK), "Decision 12");

        SealVerification v = new SealVerifier(List.of(expired.certificate()), CLOCK).verify(pdf);

        assertThat(v.valid()).isFalse();
        assertThat(codes(v)).containsExactly("CERTIFICATE_NOT_VALID_AT_SIGNING_TIME");
    }

    @Test
    void shouldSealAnExistingPdfWithoutChangingItsBytes() throws Exception {
        byte[] unsigned = document(DocumentSealer.UNSEALED, "Decision 12");

        byte[] sealed = SEALER.seal(unsigned);

        assertThat(Arrays.equals(sealed, 0, unsigned.length, unsigned, 0, unsigned.length)).isTrue();
        assertThat(VERIFIER.verify(sealed).valid()).isTrue();
    }

    @Test
    void shouldSealWithAnRsaKeyToo() throws Exception {
        SealKey rsa = DevelopmentSealKey.create(AGENCY, DevelopmentSealKey.Algorithm.RSA_2048, CLOCK);
        byte[] pdf = document(new PdfSealer(rsa, SIGNER, CLOCK), "Decision 12");

        SealVerification v = new SealVerifier(List.of(rsa.certificate()), CLOCK).verify(pdf);

        assertThat(v.valid()).isTrue();
        assertThat(rsa.signatureAlgorithm()).isEqualTo("SHA256withRSA");
    }

    private static int indexOf(byte[] data, String ascii) {
        byte[] p = ascii.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i + p.length <= data.length; i++) {
            if (Arrays.equals(data, i, i + p.length, p, 0, p.length)) {
                return i;
            }
        }
        throw new AssertionError("'" + ascii + "' not in the document");
    }

    private static int occurrences(byte[] data, String ascii) {
        byte[] p = ascii.getBytes(StandardCharsets.ISO_8859_1);
        int n = 0;
        for (int i = 0; i + p.length <= data.length; i++) {
            if (Arrays.equals(data, i, i + p.length, p, 0, p.length)) {
                n++;
            }
        }
        return n;
    }
}
