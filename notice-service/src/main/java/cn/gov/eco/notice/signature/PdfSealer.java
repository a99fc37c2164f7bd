package cn.gov.eco.notice.signature;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.Objects;
import java.util.TimeZone;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.CMSTypedData;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.util.Store;

import cn.gov.eco.notice.document.DocumentSealer;

/**
 * The agency's electronic seal on a PDF: a PAdES baseline (B-B) signature — an invisible signature field whose
 * {@code /Contents} is a detached CMS SignedData ({@code ETSI.CAdES.detached}, ETSI EN 319 142-1) over the whole file
 * but the signature itself, with the signing certificate bound by an ESS signing-certificate-v2 attribute and the
 * signing time in the signature dictionary's {@code /M} (PAdES puts it there, not in the CMS).
 *
 * <p>Used as the renderer's {@link DocumentSealer}: the rendered document is written once, with the signature in it
 * ({@link #save}). The key, the certificates and the constant signed attribute are prepared once; a signature costs
 * one hash of the document and one private-key operation. {@link #seal} signs an existing PDF with an incremental
 * update. Thread-safe.
 */
public final class PdfSealer implements DocumentSealer {

    /** The signature's {@code /Reason}. */
    public static final String REASON = "电子印章 / electronic seal";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /**
     * Who signs, as the signature dictionary names it.
     *
     * @param name     {@code /Name}, the agency, e.g. 泉州市生态环境局
     * @param location {@code /Location}, e.g. 福建省泉州市
     * @param contact  {@code /ContactInfo}; may be blank
     */
    public record Signer(String name, String location, String contact) {
        public Signer {
            Objects.requireNonNull(name, "name");
            location = location == null ? "" : location;
            contact = contact == null ? "" : contact;
        }
    }

    private final SealKey key;
    private final Signer signer;
    private final Clock clock;
    private final X509CertificateHolder signerCertificate;
    private final Store<X509CertificateHolder> certificates;
    private final DigestCalculatorProvider digests;
    private final CMSAttributeTableGenerator signedAttributes;
    private final int reservedSize;
    /** {@code <00…00>} as PDFBox writes the reserved {@code /Contents}. */
    private final byte[] contentsPlaceholder;
    /** The byte range PDFBox writes until it is known (PDDocument.addSignature). */
    private static final byte[] BYTE_RANGE_PLACEHOLDER = "[0 1000000000 1000000000 1000000000]"
            .getBytes(StandardCharsets.US_ASCII);

    public PdfSealer(SealKey key, Signer signer, Clock clock) {
        this.key = Objects.requireNonNull(key, "key");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.clock = Objects.requireNonNull(clock, "clock");
        try {
            this.signerCertificate = new X509CertificateHolder(key.certificate().getEncoded());
            this.certificates = new JcaCertStore(key.chain());
            this.digests = new JcaDigestCalculatorProviderBuilder().build();
            AttributeTable constant = new AttributeTable(signingCertificateV2(signerCertificate));
            DefaultSignedAttributeTableGenerator defaults = new DefaultSignedAttributeTableGenerator(constant);
            // content-type, message-digest, CMS algorithm protection and signing-certificate-v2; PAdES forbids a
            // signing-time attribute (EN 319 142-1 §5.2.1): the time is /M
            this.signedAttributes = params -> defaults.getAttributes(params).remove(CMSAttributes.signingTime);
            // reserve what this key's signature needs, with room for a longer DER integer in an ECDSA value
            this.reservedSize = cms(new ByteArrayInputStream(new byte[0])).length + 64;
            this.contentsPlaceholder = ("<" + "00".repeat(reservedSize) + ">").getBytes(StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new SealKeyException("cannot prepare the seal: " + e.getMessage(), e);
        }
    }

    public SealKey key() {
        return key;
    }

    /**
     * Saves the rendered document with its seal, in one pass: the signature field goes in before the document is
     * written, with its {@code /Contents} reserved as zeros; then the byte range is filled in, the written bytes are
     * signed, and the signature is put into the reserved place. No second parse, no incremental update.
     *
     * <p>The document is written without object streams so that the signature dictionary sits in the file itself,
     * where its {@code /Contents} must be (ISO 32000-1 §12.8.1), and not compressed inside an object stream.
     */
    @Override
    public byte[] save(PDDocument document) throws IOException {
        try (SignatureOptions options = new SignatureOptions()) {
            options.setPreferredSignatureSize(reservedSize);
            document.addSignature(signatureDictionary(), options);
        }
        Output out = new Output(256 * 1024 + 2 * reservedSize); // a sealed document is 80–160 KB: no regrowth
        document.save(out, CompressParameters.NO_COMPRESSION);
        byte[] pdf = out.bytes();
        int contents = placeholder(pdf, contentsPlaceholder, "/Contents");
        int contentsEnd = contents + contentsPlaceholder.length;
        int byteRange = placeholder(pdf, BYTE_RANGE_PLACEHOLDER, "/ByteRange");
        byte[] range = ("[0 " + contents + " " + contentsEnd + " " + (pdf.length - contentsEnd) + "]")
                .getBytes(StandardCharsets.US_ASCII);
        Arrays.fill(pdf, byteRange, byteRange + BYTE_RANGE_PLACEHOLDER.length, (byte) ' ');
        System.arraycopy(range, 0, pdf, byteRange, range.length);
        byte[] cms = cms(new SequenceInputStream(new ByteArrayInputStream(pdf, 0, contents),
                new ByteArrayInputStream(pdf, contentsEnd, pdf.length - contentsEnd)));
        if (cms.length > reservedSize) {
            throw new IOException("the signature takes " + cms.length + " bytes, " + reservedSize + " were reserved");
        }
        byte[] hex = HexFormat.of().formatHex(cms).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(hex, 0, pdf, contents + 1, hex.length);
        return pdf;
    }

    /**
     * Seals an existing PDF: appends the signature as an incremental update, so every byte of the given file stays
     * as it was and is covered by the signature.
     */
    public byte[] seal(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf); SignatureOptions options = new SignatureOptions()) {
            options.setPreferredSignatureSize(reservedSize);
            document.addSignature(signatureDictionary(), this::cms, options);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * reservedSize + 4096);
            document.saveIncremental(out);
            return out.toByteArray();
        }
    }

    private PDSignature signatureDictionary() {
        PDSignature signature = new PDSignature();
        signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
        signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
        signature.setName(signer.name());
        signature.setReason(REASON);
        if (!signer.location().isBlank()) {
            signature.setLocation(signer.location());
        }
        if (!signer.contact().isBlank()) {
            signature.setContactInfo(signer.contact());
        }
        Calendar now = new GregorianCalendar(TimeZone.getTimeZone(CHINA));
        now.setTimeInMillis(clock.millis());
        signature.setSignDate(now);
        return signature;
    }

    /** The one place where the written document holds {@code placeholder}. */
    private static int placeholder(byte[] pdf, byte[] placeholder, String what) throws IOException {
        int at = indexOf(pdf, placeholder, 0);
        if (at < 0 || indexOf(pdf, placeholder, at + 1) >= 0) {
            throw new IOException("the written document has " + (at < 0 ? "no" : "more than one") + " " + what
                    + " placeholder of the signature");
        }
        return at;
    }

    /**
     * Boyer–Moore–Horspool: the placeholders are long and their bytes rare in the rest of the file, so the search
     * mostly jumps by the length of the pattern instead of reading every byte of the document (four full scans of
     * every document were a tenth of the rendering time).
     */
    private static int indexOf(byte[] data, byte[] pattern, int from) {
        int m = pattern.length;
        int[] shift = new int[256];
        Arrays.fill(shift, m);
        for (int i = 0; i < m - 1; i++) {
            shift[pattern[i] & 0xFF] = m - 1 - i;
        }
        int i = from;
        int last = data.length - m;
        while (i <= last) {
            byte end = data[i + m - 1];
            if (end == pattern[m - 1] && data[i] == pattern[0]
                    && Arrays.equals(data, i, i + m, pattern, 0, m)) {
                return i;
            }
            i += shift[end & 0xFF];
        }
        return -1;
    }

    /** A byte array output whose buffer is handed over without a copy when it is exactly full. */
    private static final class Output extends ByteArrayOutputStream {
        Output(int size) {
            super(size);
        }

        byte[] bytes() {
            return count == buf.length ? buf : Arrays.copyOf(buf, count);
        }
    }

    /** The detached CMS SignedData over {@code content}: the {@code /Contents} of the signature. */
    byte[] cms(InputStream content) throws IOException {
        try {
            ContentSigner contentSigner = new JcaContentSignerBuilder(key.signatureAlgorithm()).build(key.privateKey());
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new SignerInfoGeneratorBuilder(digests)
                    .setSignedAttributeGenerator(signedAttributes)
                    .build(contentSigner, signerCertificate));
            generator.addCertificates(certificates);
            return generator.generate(new StreamContent(content), false).getEncoded(ASN1Encoding.DER);
        } catch (OperatorCreationException | CMSException e) {
            throw new IOException("cannot sign with the seal key: " + e.getMessage(), e);
        }
    }

    /** ESS signing-certificate-v2 (RFC 5035): binds the signature to this certificate, by its SHA-256. */
    private static Attribute signingCertificateV2(X509CertificateHolder certificate)
            throws GeneralSecurityException, IOException {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
        IssuerSerial issuerSerial = new IssuerSerial(new GeneralNames(new GeneralName(
                X500Name.getInstance(certificate.getIssuer()))), certificate.getSerialNumber());
        // the default hash algorithm of ESSCertIDv2 is SHA-256, so it is left out
        ESSCertIDv2 id = new ESSCertIDv2(hash, issuerSerial);
        return new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {id})));
    }

    /** The signed byte ranges as PDFBox streams them, hashed as they pass. */
    private record StreamContent(InputStream in) implements CMSTypedData {

        @Override
        public ASN1ObjectIdentifier getContentType() {
            return CMSObjectIdentifiers.data;
        }

        @Override
        public void write(OutputStream out) throws IOException {
            in.transferTo(out);
        }

        @Override
        public Object getContent() {
            return in;
        }
    }
}
