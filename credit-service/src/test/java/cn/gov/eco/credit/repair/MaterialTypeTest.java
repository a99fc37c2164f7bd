package cn.gov.eco.credit.repair;

import cn.gov.eco.credit.repair.model.MaterialType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class MaterialTypeTest {

    @Test
    void shouldRecogniseTheAcceptedTypesByTheirLeadingBytesOnly() {
        assertThat(MaterialType.detect("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII))).contains(MaterialType.PDF);
        assertThat(MaterialType.detect(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}))
                .contains(MaterialType.JPEG);
        assertThat(MaterialType.detect(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}))
                .contains(MaterialType.PNG);
    }

    @Test
    void shouldRefuseAnExecutableATextFileAndATruncatedSignature() {
        assertThat(MaterialType.detect(new byte[]{'M', 'Z', (byte) 0x90, 0})).isEmpty();
        assertThat(MaterialType.detect(new byte[]{0x7F, 'E', 'L', 'F'})).isEmpty();
        assertThat(MaterialType.detect("整改报告".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(MaterialType.detect(new byte[]{(byte) 0x89, 'P', 'N'})).isEmpty();
        assertThat(MaterialType.detect(new byte[0])).isEmpty();
    }
}
