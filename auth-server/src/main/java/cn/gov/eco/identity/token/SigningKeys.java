package cn.gov.eco.identity.token;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Collections;
import java.util.List;

import cn.gov.eco.identity.IdentityProperties;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * The RSA key that signs every token, published at {@code /oauth2/jwks}. Its key id is the RFC 7638 thumbprint, so a
 * key loaded from a keystore keeps its {@code kid} across restarts.
 */
public final class SigningKeys {

    private SigningKeys() {
    }

    /** A generated key or one from the configured PKCS#12 keystore. */
    public static RSAKey from(IdentityProperties.SigningKey config, ResourceLoader resources) {
        if (config.generated()) {
            return generate();
        }
        Resource keystore = resources.getResource(config.keystore());
        try (InputStream in = keystore.getInputStream()) {
            return fromPkcs12(in, chars(config.keystorePassword()), config.alias(),
                    chars(config.keyPassword() == null || config.keyPassword().isEmpty()
                            ? config.keystorePassword() : config.keyPassword()));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the signing keystore " + config.keystore() + ": " + e.getMessage(), e);
        }
    }

    /**
     * A fresh RSA-2048 key, for the embedded default: tokens signed by it do not survive a restart of the auth server,
     * which is acceptable there (log in again) and nowhere else.
     */
    public static RSAKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return rsaKey((RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate an RSA key", e);
        }
    }

    /** The RSA key entry {@code alias} (or the only key entry when blank) of a PKCS#12 keystore. */
    public static RSAKey fromPkcs12(InputStream in, char[] storePassword, String alias, char[] keyPassword) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, storePassword);
            String entry = alias;
            if (entry == null || entry.isBlank()) {
                List<String> keys = Collections.list(store.aliases()).stream().filter(a -> isKey(store, a)).toList();
                if (keys.size() != 1) {
                    throw new IllegalStateException("The signing keystore has " + keys.size()
                            + " key entries: name one with identity.signing-key.alias");
                }
                entry = keys.getFirst();
            }
            Key key = store.getKey(entry, keyPassword);
            Certificate certificate = store.getCertificate(entry);
            if (!(key instanceof RSAPrivateKey privateKey) || certificate == null
                    || !(certificate.getPublicKey() instanceof RSAPublicKey publicKey)) {
                throw new IllegalStateException("The signing keystore has no RSA key entry named " + entry);
            }
            return rsaKey(publicKey, privateKey);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot load the signing key: " + e.getMessage(), e);
        }
    }

    private static boolean isKey(KeyStore store, String alias) {
        try {
            return store.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static RSAKey rsaKey(RSAPublicKey publicKey, RSAPrivateKey privateKey) {
        try {
            return new RSAKey.Builder(publicKey)
                    .privateKey(privateKey)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint()
                    .build();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot compute the key id", e);
        }
    }

    private static char[] chars(String s) {
        return s == null ? new char[0] : s.toCharArray();
    }
}
