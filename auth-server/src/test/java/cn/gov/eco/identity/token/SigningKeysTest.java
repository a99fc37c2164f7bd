package cn.gov.eco.identity.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import cn.gov.eco.identity.IdentityProperties;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;

class SigningKeysTest {

    @TempDir
    Path dir;

    @Test
    void shouldGenerateADifferentRsa2048KeyAtEachStartNamedByItsThumbprint() throws Exception {
        RSAKey first = SigningKeys.generate();
        RSAKey second = SigningKeys.generate();

        assertThat(first.size()).isEqualTo(2048);
        assertThat(first.isPrivate()).isTrue();
        assertThat(first.getKeyID()).isEqualTo(first.computeThumbprint().toString());
        assertThat(second.getKeyID()).isNotEqualTo(first.getKeyID());
    }

    @Test
    void shouldLoadTheSameKeyFromAPkcs12KeystoreAtEveryStart() throws Exception {
        Path keystore = keytool("signing", "changeit");
        var config = new IdentityProperties.SigningKey("file:" + keystore, "changeit", "", "");

        RSAKey once = SigningKeys.from(config, new DefaultResourceLoader());
        RSAKey again = SigningKeys.from(config, new DefaultResourceLoader());

        assertThat(once.isPrivate()).isTrue();
        assertThat(once.getKeyID()).isEqualTo(again.getKeyID());
        assertThat(once.toRSAPublicKey()).isEqualTo(again.toRSAPublicKey());
    }

    @Test
    void shouldFailClearlyOnAWrongKeystorePassword() throws Exception {
        Path keystore = keytool("signing", "changeit");
        var config = new IdentityProperties.SigningKey("file:" + keystore, "wrong", "signing", null);

        assertThatThrownBy(() -> SigningKeys.from(config, new DefaultResourceLoader()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Cannot load the signing key");
    }

    private Path keytool(String alias, String password) throws Exception {
        Path keystore = dir.resolve("signing.p12");
        Files.deleteIfExists(keystore);
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", alias, "-keyalg", "RSA",
                "-keysize", "2048", "-dname", "CN=auth-server", "-validity", "1", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", password, "-keypass", password))
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isZero();
        return keystore;
    }
}
