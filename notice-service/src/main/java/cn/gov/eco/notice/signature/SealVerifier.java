package cn.gov.eco.notice.signature;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * Verifies the electronic seal of a PDF, for anyone who holds one of the agency's documents. For every signature:
 * the byte range is well formed and leaves out exactly the signature's hex string; the CMS signature verifies over
 * the signed bytes (a changed byte shows as a digest mismatch); the signer certificate is one of the trusted
 * certificates or is issued by one, and was valid at the signing time. The document is valid when it is signed,
 * every signature passes, and one of them covers the whole file — bytes appended after the last signature (an
 * incremental update: new content, a changed form, a removed page) make it invalid even though each signature
 * still verifies over its own revision.
 *
 * <p>The signature checked is the one in the gap of the byte range, read from the file bytes, not a value PDFBox
 * resolved, so a signature dictionary cannot point the check at other bytes. Thread-safe.
 */
public final class SealVerifier {

    private static final Set<String> SUB_FILTERS = Set.of(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED.getName(),
            PDSignature.SUBFILTER_ETSI_CADES_DETACHED.getName());
    private static final byte[] HEADER = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern BYTE_RANGE =
            Pattern.compile("/ByteRange\\s*\\[\\s*(\\d{1,10})\\s+(\\d{1,10})\\s+(\\d{1,10})\\s+(\\d{1,10})\\s*]");

    private final List<X509Certificate> trusted;
    private final Clock clock;

    /**
     * @param trusted the agency's seal certificate(s), or the CA certificates that issue them
     * @param clock   the time at which to check a certificate when a signature does not say when it was made
     */
    public SealVerifier(Collection<X509Certificate> trusted, Clock clock) {
        this.trusted = List.copyOf(trusted);
        this.clock = clock;
        if (this.trusted.isEmpty()) {
            throw new IllegalArgumentException("a verifier needs at least one trusted certificate");
        }
    }

    public List<X509Certificate> trusted() {
        return trusted;
    }

    /** Whether the bytes are a PDF file: {@code %PDF-} within the first 1024 bytes (ISO 32000-1 Annex H.3 3.4.1). */
    public static boolean isPdf(byte[] bytes) {
        int limit = Math.min(bytes.length - HEADER.length, 1024);
        for (int i = 0; i <= limit; i++) {
            if (Arrays.equals(bytes, i, i + HEADER.length, HEADER, 0, HEADER.length)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @throws NotAPdfException when the bytes are not a PDF at all; a PDF that is damaged, unsigned, changed or
     *                          signed by someone else is an answer with {@code valid = false}
     */
    public SealVerification verify(byte[] pdf) {
        if (!isPdf(pdf)) {
            throw new NotAPdfException();
        }
        List<Found> found = new ArrayList<>();
        boolean readable = true;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDSignature s : document.getSignatureDictionaries()) {
                Date date = s.getSignDate() == null ? null : s.getSignDate().getTime();
                found.add(new Found(s.getByteRange(), s.getSubFilter(), s.getName(), s.getReason(), s.getLocation(),
                        date == null ? null : date.toInstant()));
            }
        } catch (IOException | RuntimeException e) {
            // PDFBox is lenient, but one changed byte in an object header can defeat it: the signatures are still
            // found by their byte ranges, so that a tampered document says "modified", not just "damaged"
            readable = false;
            found = scan(pdf);
            if (found.isEmpty()) {
                return SealVerification.of(SealProblem.DOCUMENT_UNREADABLE);
            }
        }
        if (found.isEmpty()) {
            return SealVerification.of(SealProblem.NOT_SIGNED);
        }
        found.sort(Comparator.comparingLong(Found::end));
        List<SealVerification.SignatureCheck> checks = new ArrayList<>();
        Set<SealVerification.Reason> reasons = new LinkedHashSet<>();
        SealVerification.SignatureCheck covering = null;
        for (Found f : found) {
            SealVerification.SignatureCheck check = check(f, pdf);
            checks.add(check);
            reasons.addAll(check.problems());
            if (check.coversWholeDocument()) {
                covering = check;
            }
        }
        if (covering == null) {
            reasons.add(SealProblem.UPDATED_AFTER_SIGNING.reason());
        }
        if (!readable && reasons.isEmpty()) {
            reasons.add(SealProblem.DOCUMENT_UNREADABLE.reason());
        }
        SealVerification.SignatureCheck main = covering != null ? covering : checks.getLast();
        return new SealVerification(reasons.isEmpty(), true, main.signerSubject(), main.signerName(),
                main.signingTime(), List.copyOf(reasons), checks);
    }

    private record Found(int[] byteRange, String subFilter, String name, String reason, String location,
                         Instant signingTime) {
        long end() {
            return byteRange != null && byteRange.length == 4 ? (long) byteRange[2] + byteRange[3] : Long.MAX_VALUE;
        }
    }

    /** The signatures of a file PDFBox cannot read, by their byte ranges; the rest of their dictionaries unknown. */
    private static List<Found> scan(byte[] pdf) {
        List<Found> found = new ArrayList<>();
        Matcher m = BYTE_RANGE.matcher(new String(pdf, StandardCharsets.ISO_8859_1));
        while (m.find()) {
            try {
                int[] range = new int[4];
                for (int i = 0; i < 4; i++) {
                    range[i] = Integer.parseInt(m.group(i + 1));
                }
                found.add(new Found(range, null, null, null, null, null));
            } catch (NumberFormatException e) {
                // not a byte range a signature could have
            }
        }
        return found;
    }

    private SealVerification.SignatureCheck check(Found f, byte[] pdf) {
        List<SealVerification.Reason> problems = new ArrayList<>();
        int[] range = f.byteRange();
        if (!wellFormed(range, pdf)) {
            problems.add(SealProblem.BYTE_RANGE_INVALID.reason());
            return result(f, null, null, false, false, false, problems);
        }
        boolean covers = coversToEnd(pdf, range[2] + range[3]);
        if (f.subFilter() != null && !SUB_FILTERS.contains(f.subFilter())) {
            problems.add(SealProblem.SIGNATURE_MALFORMED.reason());
            return result(f, null, null, false, false, covers, problems);
        }
        byte[] signed = new byte[range[1] + range[3]];
        System.arraycopy(pdf, 0, signed, 0, range[1]);
        System.arraycopy(pdf, range[2], signed, range[1], range[3]);
        byte[] contents = hex(pdf, range[1] + 1, range[2] - 1);

        X509Certificate signer;
        List<X509Certificate> embedded = new ArrayList<>();
        boolean intact = false;
        try {
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signed), contentInfo(contents));
            Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                throw new CMSException(signers.size() + " signers in one signature");
            }
            SignerInformation info = signers.iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(info.getSID());
            if (matches.isEmpty()) {
                throw new CMSException("the signer certificate is not in the signature");
            }
            X509CertificateHolder holder = matches.iterator().next();
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            signer = converter.getCertificate(holder);
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> all = cms.getCertificates().getMatches(null);
            for (X509CertificateHolder h : all) {
                embedded.add(converter.getCertificate(h));
            }
            try {
                intact = info.verify(new JcaSimpleSignerInfoVerifierBuilder().build(holder))
                        && signingCertificateMatches(info, holder);
                if (!intact) {
                    problems.add(SealProblem.SIGNATURE_INVALID.reason());
                }
            } catch (CMSSignerDigestMismatchException e) {
                problems.add(SealProblem.MODIFIED_AFTER_SIGNING.reason());
            }
        } catch (CMSException | OperatorCreationException | GeneralSecurityException | IOException
                 | RuntimeException e) {
            problems.add(SealProblem.SIGNATURE_MALFORMED.reason());
            return result(f, null, null, false, false, covers, problems);
        }
        boolean trustedSigner = chainsToTrusted(signer, embedded);
        if (!trustedSigner) {
            problems.add(SealProblem.UNTRUSTED_CERTIFICATE.reason());
        }
        try {
            signer.checkValidity(Date.from(f.signingTime() != null ? f.signingTime() : clock.instant()));
        } catch (GeneralSecurityException e) {
            problems.add(SealProblem.CERTIFICATE_NOT_VALID_AT_SIGNING_TIME.reason());
        }
        return result(f, signer, SealKey.fingerprint(signer), intact, trustedSigner, covers, problems);
    }

    /** The CMS object at the start of the reserved space; the rest must be the zeros that padded it. */
    private static ContentInfo contentInfo(byte[] contents) throws IOException {
        ByteArrayInputStream bytes = new ByteArrayInputStream(contents);
        ASN1Primitive object;
        try (ASN1InputStream in = new ASN1InputStream(bytes)) {
            object = in.readObject();
        }
        if (object == null) {
            throw new IOException("no signature in /Contents");
        }
        for (int i = contents.length - bytes.available(); i < contents.length; i++) {
            if (contents[i] != 0) {
                throw new IOException("data after the signature in /Contents");
            }
        }
        return ContentInfo.getInstance(object);
    }

    private static SealVerification.SignatureCheck result(Found f, X509Certificate signer, String fingerprint,
                                                          boolean intact, boolean trusted, boolean covers,
                                                          List<SealVerification.Reason> problems) {
        return new SealVerification.SignatureCheck(
                signer == null ? null : signer.getSubjectX500Principal().getName(), f.name(), fingerprint,
                f.signingTime(), f.reason(), f.location(), f.subFilter(), intact, trusted, covers, problems);
    }

    /** {@code [0 a b c]}: from the start to the signature's {@code <}, and from after its {@code >} on. */
    private static boolean wellFormed(int[] range, byte[] pdf) {
        if (range == null || range.length != 4 || range[0] != 0 || range[1] <= 0 || range[2] <= range[1] + 1
                || range[3] < 0 || (long) range[2] + range[3] > pdf.length) {
            return false;
        }
        if (pdf[range[1]] != '<' || pdf[range[2] - 1] != '>') {
            return false;
        }
        for (int i = range[1] + 1; i < range[2] - 1; i++) {
            if (Character.digit(pdf[i], 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** True when nothing but line ends and spaces follows the signed range. */
    private static boolean coversToEnd(byte[] pdf, int end) {
        for (int i = end; i < pdf.length; i++) {
            byte b = pdf[i];
            if (b != '\n' && b != '\r' && b != ' ' && b != '\t' && b != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] hex(byte[] pdf, int from, int to) {
        byte[] out = new byte[(to - from) / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (Character.digit(pdf[from + 2 * i], 16) << 4 | Character.digit(pdf[from + 2 * i + 1], 16));
        }
        return out;
    }

    /**
     * When the signed attributes name the signing certificate (ESS signing-certificate-v2, as PAdES requires), it
     * must be the certificate that verified: a substituted certificate with the same key does not pass.
     */
    private static boolean signingCertificateMatches(SignerInformation info, X509CertificateHolder holder)
            throws GeneralSecurityException, IOException {
        AttributeTable attributes = info.getSignedAttributes();
        Attribute attribute = attributes == null ? null : attributes.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
        if (attribute == null) {
            return true;
        }
        for (ASN1Encodable value : attribute.getAttrValues().toArray()) {
            for (ESSCertIDv2 id : SigningCertificateV2.getInstance(value).getCerts()) {
                // the JDK knows digests by OID too
                AlgorithmIdentifier alg = id.getHashAlgorithm();
                byte[] hash = MessageDigest.getInstance(alg.getAlgorithm().getId()).digest(holder.getEncoded());
                if (MessageDigest.isEqual(hash, id.getCertHash())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The signer is trusted, or a chain of CA certificates in the signature leads from it to a trusted one. */
    private boolean chainsToTrusted(X509Certificate signer, List<X509Certificate> embedded) {
        X509Certificate current = signer;
        for (int depth = 0; depth < 8; depth++) {
            if (trusted.contains(current) || issuer(current, trusted) != null) {
                return true;
            }
            X509Certificate next = issuer(current, embedded);
            if (next == null || next.equals(current)) {
                return false;
            }
            current = next;
        }
        return false;
    }

    private static X509Certificate issuer(X509Certificate certificate, List<X509Certificate> candidates) {
        for (X509Certificate c : candidates) {
            if (c.equals(certificate) || c.getBasicConstraints() < 0
                    || !c.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
                continue;
            }
            try {
                certificate.verify(c.getPublicKey());
                return c;
            } catch (GeneralSecurityException e) {
                // same name, other key: not this issuer
            }
        }
        return null;
    }
}
