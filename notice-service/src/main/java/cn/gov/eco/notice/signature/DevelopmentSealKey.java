package cn.gov.eco.notice.signature;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default's seal key: generated once, with a self-signed certificate, and kept as PKCS #12 in a data
 * directory so that a restart signs with the same key and documents signed before it still verify. It proves that
 * a document is unchanged since this installation sealed it, not that the agency issued it: production configures
 * a key certified for the agency ({@code notice.seal.keystore}).
 */
public final class DevelopmentSealKey {

    private static final Logger log = LoggerFactory.getLogger(DevelopmentSealKey.class);

    /** The key file in the directory. */
    public static final String KEYSTORE_FILE = "seal-dev.p12";
    /** The certificate beside it, for people and tools that verify offline. */
    public static final String CERTIFICATE_FILE = "seal-dev-certificate.pem";
    static final String ALIAS = "seal";
    /** The development keystore's password when none is configured: the key protects nothing real. */
    public static final String DEFAULT_PASSWORD = "notice-seal-dev";
    private static final Duration VALIDITY = Duration.ofDays(3653);

    /** The key type of a new development key. */
    public enum Algorithm {
        /** ECDSA on NIST P-256: about 6× faster to sign than RSA-2048 here, and a 7× smaller signature. */
        EC_P256,
        /** RSA with a 2048-bit modulus: for verifiers that only accept RSA. */
        RSA_2048
    }

    private DevelopmentSealKey() {
    }

    /**
     * Loads the development key from {@code directory}, or creates it there the first time. Safe when several
     * processes share the directory: the first creates the key, the others wait for it and load it.
     *
     * @param agencyName the certificate's organisation, e.g. 泉州市生态环境局
     * @param algorithm  the key type when a new key is made; an existing key is used whatever its type
     * @param password   the keystore password (see {@link #DEFAULT_PASSWORD})
     */
    public static SealKey loadOrCreate(Path directory, String agencyName, Algorithm algorithm, char[] password,
                                       Clock clock) {
        Path file = directory.resolve(KEYSTORE_FILE);
        try {
            Files.createDirectories(directory);
            synchronized (DevelopmentSealKey.class) { // a file lock is per JVM, not per thread
                try (FileChannel lockFile = FileChannel.open(directory.resolve(".lock"), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE);
                     FileLock ignored = lockFile.lock()) {
                    SealKey key;
                    if (Files.isRegularFile(file)) {
                        key = load(file, password);
                        log.warn("notice-service seals its documents with a DEVELOPMENT key, self-signed, from {} "
                                + "(certificate {}, SHA-256 {}). Not for production: configure notice.seal.keystore "
                                + "with the agency's key.", file.toAbsolutePath(),
                                key.certificate().getSubjectX500Principal().getName(), key.fingerprint());
                    } else {
                        key = create(agencyName, algorithm, clock);
                        store(key, file, password);
                        Files.writeString(directory.resolve(CERTIFICATE_FILE), key.certificatesPem(),
                                StandardCharsets.US_ASCII);
                        log.warn("notice-service generated a DEVELOPMENT seal key ({}, self-signed certificate {}, "
                                + "SHA-256 {}) and stored it in {}: restarts reuse it. Not for production: configure "
                                + "notice.seal.keystore with the agency's key.", algorithm,
                                key.certificate().getSubjectX500Principal().getName(), key.fingerprint(),
                                file.toAbsolutePath());
                    }
                    return key;
                }
            }
        } catch (IOException e) {
            throw new SealKeyException("cannot create or read the development seal key in " + directory.toAbsolutePath()
                    + ": " + e.getMessage() + " (set notice.seal.dev-keystore-dir to a writable directory)", e);
        }
    }

    /**
     * A new key and its self-signed certificate, {@code CN=<agency> 电子印章（开发用）, O=<agency>, C=CN}, in memory
     * only (tests and measurements; the service uses {@link #loadOrCreate}).
     */
    public static SealKey create(String agencyName, Algorithm algorithm, Clock clock) {
        try {
            KeyPair pair = keyPair(algorithm);
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.C, "CN")
                    .addRDN(BCStyle.O, agencyName)
                    .addRDN(BCStyle.CN, agencyName + " 电子印章（开发用）")
                    .build();
            Instant now = clock.instant();
            // a day of leeway for clocks behind this one
            Date notBefore = Date.from(now.minus(Duration.ofDays(1)));
            Date notAfter = Date.from(now.atOffset(ZoneOffset.UTC).plus(VALIDITY).toInstant());
            BigInteger serial = new BigInteger(63, new SecureRandom());
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial, notBefore, notAfter,
                    subject, pair.getPublic())
                    // its own root (CA, path length 0, may sign certificates): verifiers that build a chain to a
                    // trust anchor (NSS, so poppler's pdfsig) accept a self-signed certificate only as a CA
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature
                            | KeyUsage.nonRepudiation | KeyUsage.keyCertSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            ext.createSubjectKeyIdentifier(pair.getPublic()));
            String sigAlg = algorithm == Algorithm.EC_P256 ? "SHA256withECDSA" : "SHA256withRSA";
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder(sigAlg).build(pair.getPrivate())));
            return new SealKey(pair.getPrivate(), List.of(certificate));
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new SealKeyException("cannot generate the development seal key: " + e.getMessage(), e);
        }
    }

    private static KeyPair keyPair(Algorithm algorithm) throws GeneralSecurityException {
        return switch (algorithm) {
            case EC_P256 -> {
                KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
                g.initialize(new ECGenParameterSpec("secp256r1"));
                yield g.generateKeyPair();
            }
            case RSA_2048 -> {
                KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                g.initialize(2048);
                yield g.generateKeyPair();
            }
        };
    }

    private static SealKey load(Path file, char[] password) {
        try {
            return SealKey.fromPkcs12(file, password, ALIAS);
        } catch (SealKeyException e) {
            throw new SealKeyException(e.getMessage() + " (was it written with another notice.seal.password?)", e);
        }
    }

    /** Written to a temporary file and moved into place, so that a crash never leaves half a keystore. */
    private static void store(SealKey key, Path file, char[] password) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), KEYSTORE_FILE, ".tmp");
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            }
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry(ALIAS, key.privateKey(), password, key.chain().toArray(new X509Certificate[0]));
            try (OutputStream out = Files.newOutputStream(tmp)) {
                ks.store(out, password);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (GeneralSecurityException e) {
            throw new SealKeyException("cannot write the development seal key: " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
