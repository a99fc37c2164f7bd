package cn.gov.eco.notice.signature;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The agency's seal key: the private key that signs and its certificate chain, signer first. Loaded once at start
 * and shared by every signature.
 *
 * @param privateKey the signing key (RSA or EC)
 * @param chain      the signer's certificate first, then its issuers (a self-signed development certificate alone)
 */
public record SealKey(PrivateKey privateKey, List<X509Certificate> chain) {

    public SealKey {
        Objects.requireNonNull(privateKey, "privateKey");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a seal key needs its certificate");
        }
    }

    public X509Certificate certificate() {
        return chain.getFirst();
    }

    /** {@code SHA256withRSA} or {@code SHA256withECDSA}, from the key. */
    public String signatureAlgorithm() {
        return switch (privateKey.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> throw new SealKeyException("the seal key's algorithm " + privateKey.getAlgorithm()
                    + " is not supported: use an RSA or EC key");
        };
    }

    /**
     * Reads a key and its chain from a PKCS #12 file (a production key from the agency's CA).
     *
     * @param alias the entry; null or blank for the only key entry in the file
     */
    public static SealKey fromPkcs12(Path file, char[] password, String alias) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            String name = alias;
            if (name == null || name.isBlank()) {
                List<String> keys = new ArrayList<>();
                for (String a : Collections.list(ks.aliases())) {
                    if (ks.isKeyEntry(a)) {
                        keys.add(a);
                    }
                }
                if (keys.size() != 1) {
                    throw new SealKeyException(file + " holds " + keys.size() + " key entries " + keys
                            + ": set notice.seal.alias to the one to sign with");
                }
                name = keys.getFirst();
            }
            if (!ks.isKeyEntry(name)) {
                throw new SealKeyException(file + " has no key entry '" + name + "' (entries: "
                        + Collections.list(ks.aliases()) + ")");
            }
            PrivateKey key = (PrivateKey) ks.getKey(name, password);
            Certificate[] certs = ks.getCertificateChain(name);
            if (certs == null || certs.length == 0) {
                throw new SealKeyException(file + ": entry '" + name + "' has no certificate chain");
            }
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : certs) {
                chain.add((X509Certificate) c);
            }
            return new SealKey(key, chain);
        } catch (IOException | GeneralSecurityException e) {
            throw new SealKeyException("cannot read the seal key from " + file + ": " + e.getMessage(), e);
        }
    }

    /** The certificates in a PEM (or DER) file, e.g. a published seal certificate to trust. */
    public static List<X509Certificate> readCertificates(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> out = new ArrayList<>();
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                out.add((X509Certificate) c);
            }
            if (out.isEmpty()) {
                throw new SealKeyException(file + " holds no certificate");
            }
            return out;
        } catch (IOException | GeneralSecurityException e) {
            throw new SealKeyException("cannot read certificates from " + file + ": " + e.getMessage(), e);
        }
    }

    /** The certificate chain as PEM, signer first: what a verifier needs to trust, offline. */
    public String certificatesPem() {
        StringBuilder pem = new StringBuilder();
        for (X509Certificate c : chain) {
            pem.append(pem(c));
        }
        return pem.toString();
    }

    /** The signer certificate's SHA-256 fingerprint, lower-case hex. */
    public String fingerprint() {
        return fingerprint(certificate());
    }

    static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "SealKey[" + certificate().getSubjectX500Principal().getName() + ", " + privateKey.getAlgorithm()
                + ", sha256 " + fingerprint() + "]"; // never the key
    }
}
