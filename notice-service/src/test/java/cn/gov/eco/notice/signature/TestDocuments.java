package cn.gov.eco.notice.signature;

import java.io.IOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import cn.gov.eco.notice.document.DocumentSealer;

/** Small PDFs and keys for the seal tests: no CJK font needed to test signatures. */
final class TestDocuments {

    static final String AGENCY = "泉州市生态环境局";
    static final Instant SIGNED_AT = Instant.parse("2026-11-20T02:30:00Z");
    static final Clock CLOCK = Clock.fixed(SIGNED_AT, ZoneId.of("Asia/Shanghai"));
    static final PdfSealer.Signer SIGNER = new PdfSealer.Signer(AGENCY, "福建省泉州市", "0595-22500000");

    private TestDocuments() {
    }

    /** A two-page document with a line of text on each page, written by {@code sealer}. */
    static byte[] document(DocumentSealer sealer, String text) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            for (int p = 1; p <= 2; p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                    cs.newLineAtOffset(72, 720);
                    cs.showText(text + " page " + p);
                    cs.endText();
                }
            }
            doc.getDocumentInformation().setTitle(text);
            return sealer.save(doc);
        }
    }

    static SealKey ecKey() {
        return DevelopmentSealKey.create(AGENCY, DevelopmentSealKey.Algorithm.EC_P256, CLOCK);
    }

    /** A CA and a seal key it certifies: the shape of a production key. */
    record IssuedKey(X509Certificate ca, SealKey key) {
    }

    static IssuedKey issuedByCa() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair caPair = g.generateKeyPair();
        KeyPair sealPair = g.generateKeyPair();
        X500Name caName = new X500Name("CN=福建省电子印章测试CA, O=测试, C=CN");
        Date from = Date.from(SIGNED_AT.minus(Duration.ofDays(30)));
        Date to = Date.from(SIGNED_AT.plus(Duration.ofDays(365)));
        X509Certificate ca = new JcaX509CertificateConverter().getCertificate(
                new JcaX509v3CertificateBuilder(caName, BigInteger.ONE, from, to, caName, caPair.getPublic())
                        .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                        .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign))
                        .build(new JcaContentSignerBuilder("SHA256withECDSA").build(caPair.getPrivate())));
        X509Certificate seal = new JcaX509CertificateConverter().getCertificate(
                new JcaX509v3CertificateBuilder(caName, BigInteger.TWO, from, to,
                        new X500Name("CN=" + AGENCY + " 电子印章, O=" + AGENCY + ", C=CN"), sealPair.getPublic())
                        .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                        .addExtension(Extension.keyUsage, true,
                                new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
                        .build(new JcaContentSignerBuilder("SHA256withECDSA").build(caPair.getPrivate())));
        return new IssuedKey(ca, new SealKey(sealPair.getPrivate(), List.of(seal, ca)));
    }
}
