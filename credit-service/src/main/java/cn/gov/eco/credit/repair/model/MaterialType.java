package cn.gov.eco.credit.repair.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * The file types accepted as repair materials, recognised by their leading bytes (magic numbers) — never by the file
 * name or the declared content type, so an executable renamed {@code 整改报告.pdf} is refused.
 */
public enum MaterialType {
    PDF("application/pdf", new byte[]{'%', 'P', 'D', 'F', '-'}),
    JPEG("image/jpeg", new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});

    private final String mediaType;
    private final byte[] magic;

    MaterialType(String mediaType, byte[] magic) {
        this.mediaType = mediaType;
        this.magic = magic;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The longest signature, i.e. how many leading bytes {@link #detect} needs. */
    public static final int SIGNATURE_LENGTH = 8;

    public static Optional<MaterialType> detect(byte[] head) {
        return Arrays.stream(values()).filter(t -> startsWith(head, t.magic)).findFirst();
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        if (data == null || data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
