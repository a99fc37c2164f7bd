package cn.gov.eco.notice.signature;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static cn.gov.eco.notice.signature.TestDocuments.AGENCY;
import static cn.gov.eco.notice.signature.TestDocuments.CLOCK;
import static cn.gov.eco.notice.signature.TestDocuments.SIGNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DevelopmentSealKeyTest {

    private static final char[] PASSWORD = DevelopmentSealKey.DEFAULT_PASSWORD.toCharArray();

    @Test
    void shouldReuseThePersistedKeyWhenASecondInstancePointsAtTheSameDirectory(@TempDir Path dir) throws Exception {
        SealKey first = DevelopmentSealKey.loadOrCreate(dir, AGENCY, DevelopmentSealKey.Algorithm.EC_P256, PASSWORD,
                CLOCK);
        byte[] pdf = TestDocuments.document(new PdfSealer(first, SIGNER, CLOCK), "Decision 12");

        // a restart: a new instance reads the same directory
        SealKey second = DevelopmentSealKey.loadOrCreate(dir, AGENCY, DevelopmentSealKey.Algorithm.RSA_2048, PASSWORD,
                CLOCK);

        assertThat(second.certificate()).isEqualTo(first.certificate());
        assertThat(second.privateKey().getEncoded()).isEqualTo(first.privateKey().getEncoded());
        assertThat(second.privateKey().getAlgorithm()).isEqualTo("EC"); // the stored key wins over the setting
        // what the first instance sealed, the second one's verifier accepts
        assertThat(new SealVerifier(List.of(second.certificate()), CLOCK).verify(pdf).valid()).isTrue();
    }

    @Test
    void shouldCreateASelfSignedDevelopmentCertificateNamingTheAgency(@TempDir Path dir) throws Exception {
        SealKey key = DevelopmentSealKey.loadOrCreate(dir, AGENCY, DevelopmentSealKey.Algorithm.EC_P256, PASSWORD,
                CLOCK);

        X509Certificate c = key.certificate();
        assertThat(c.getSubjectX500Principal().getName())
                .isEqualTo("CN=泉州市生态环境局 电子印章（开发用）,O=泉州市生态环境局,C=CN");
        assertThat(c.getIssuerX500Principal()).isEqualTo(c.getSubjectX500Principal());
        c.verify(c.getPublicKey());
        c.checkValidity(java.util.Date.from(TestDocuments.SIGNED_AT));
        assertThat(c.getKeyUsage()[0]).as("digitalSignature").isTrue();
        assertThat(c.getKeyUsage()[1]).as("nonRepudiation").isTrue();
        // a root of its own, so that NSS-based verifiers (pdfsig) can trust it as an anchor; it issues nothing
        assertThat(c.getBasicConstraints()).as("CA with path length 0").isZero();
        assertThat(Files.readString(dir.resolve(DevelopmentSealKey.CERTIFICATE_FILE))).isEqualTo(key.certificatesPem());
        assertThat(SealKey.readCertificates(dir.resolve(DevelopmentSealKey.CERTIFICATE_FILE))).containsExactly(c);
    }

    @Test
    void shouldCreateOneKeyWhenTwoInstancesStartTogether(@TempDir Path dir) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<SealKey>> starts = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                starts.add(() -> DevelopmentSealKey.loadOrCreate(dir, AGENCY, DevelopmentSealKey.Algorithm.EC_P256,
                        PASSWORD, CLOCK));
            }
            List<Future<SealKey>> keys = pool.invokeAll(starts);
            assertThat(keys.get(0).get().certificate()).isEqualTo(keys.get(1).get().certificate());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void shouldSayWhichSettingIsWrongWhenThePasswordDoesNotOpenTheKey(@TempDir Path dir) {
        DevelopmentSealKey.loadOrCreate(dir, AGENCY, DevelopmentSealKey.Algorithm.EC_P256, PASSWORD, CLOCK);

        assertThatThrownBy(() -> DevelopmentSealKey.loadOrCreate(dir, AGENCY, DevelopmentSealKey.Algorithm.EC_P256,
                "another".toCharArray(), CLOCK))
                .isInstanceOf(SealKeyException.class)
                .hasMessageContaining("notice.seal.password");
    }

    @Test
    void shouldReadAProductionKeyFromPkcs12ByAliasOrAsTheOnlyKey(@TempDir Path dir) throws Exception {
        TestDocuments.IssuedKey issued = TestDocuments.issuedByCa();
        char[] password = "s3cret".toCharArray();
        Path p12 = dir.resolve("agency-seal.p12");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("quanzhou-seal", issued.key().privateKey(), password,
                issued.key().chain().toArray(new X509Certificate[0]));
        ks.setCertificateEntry("ca", issued.ca());
        try (OutputStream out = Files.newOutputStream(p12)) {
            ks.store(out, password);
        }

        SealKey byAlias = SealKey.fromPkcs12(p12, password, "quanzhou-seal");
        SealKey only = SealKey.fromPkcs12(p12, password, "");

        assertThat(byAlias.chain()).containsExactly(issued.key().certificate(), issued.ca());
        assertThat(only.certificate()).isEqualTo(issued.key().certificate());
        assertThatThrownBy(() -> SealKey.fromPkcs12(p12, password, "other"))
                .isInstanceOf(SealKeyException.class).hasMessageContaining("no key entry 'other'");
        byte[] pdf = TestDocuments.document(new PdfSealer(byAlias, SIGNER, CLOCK), "Decision 12");
        assertThat(new SealVerifier(List.of(issued.ca()), CLOCK).verify(pdf).valid()).isTrue();
    }
}
