package cn.gov.eco.notice.signature.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.util.unit.DataSize;

import cn.gov.eco.notice.NoticeProperties;
import cn.gov.eco.notice.signature.DevelopmentSealKey;
import cn.gov.eco.notice.signature.PdfSealer;
import cn.gov.eco.notice.signature.SealKey;
import cn.gov.eco.notice.signature.SealVerifier;
import cn.gov.eco.platform.web.ProblemHandler;

import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The seal endpoints over MockMvc, with the platform's problem+json handler; the real server is DualDeliveryIT's. */
class SealControllerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T02:30:00Z"), ZoneOffset.UTC);
    private static final SealKey KEY = DevelopmentSealKey.create("泉州市生态环境局",
            DevelopmentSealKey.Algorithm.EC_P256, CLOCK);
    private static final PdfSealer SEALER = new PdfSealer(KEY,
            new PdfSealer.Signer("泉州市生态环境局", "福建省泉州市", ""), CLOCK);

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new SealController(KEY,
                    new SealVerifier(List.of(KEY.certificate()), CLOCK), properties(DataSize.ofKilobytes(64)),
                    new ProblemHandler()))
            .setControllerAdvice(new ProblemHandler()).build();

    private static NoticeProperties properties(DataSize max) {
        return new NoticeProperties(null, null, null, null,
                new NoticeProperties.Seal(null, null, null, null, null, null, null, max), null);
    }

    private static byte[] sealedPdf() throws Exception {
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            return SEALER.save(doc);
        }
    }

    @Test
    void shouldPublishTheSealCertificateAsPem() throws Exception {
        mvc.perform(get("/api/deliveries/seal-certificate"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/x-pem-file"))
                .andExpect(header().string("X-Certificate-SHA256", KEY.fingerprint()))
                .andExpect(content().string(KEY.certificatesPem()))
                .andExpect(content().string(startsWith("-----BEGIN CERTIFICATE-----\n")));
    }

    @Test
    void shouldVerifyAPdfSentAsTheBody() throws Exception {
        mvc.perform(post("/api/deliveries/verifications").contentType(MediaType.APPLICATION_PDF).content(sealedPdf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.signerSubject").value("CN=泉州市生态环境局 电子印章（开发用）,O=泉州市生态环境局,C=CN"))
                .andExpect(jsonPath("$.signingTime").value("2026-11-20T02:30:00Z"))
                .andExpect(jsonPath("$.reasons").isEmpty());
    }

    @Test
    void shouldAnswerAModifiedPdfWithValidFalseAndTheReasonNotWithAnError() throws Exception {
        byte[] pdf = sealedPdf();
        pdf[10] ^= 0x01; // in the binary comment after the header: still a PDF, no longer the one signed

        mvc.perform(post("/api/deliveries/verifications").contentType(MediaType.APPLICATION_PDF).content(pdf))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.reasons[0].code").value("MODIFIED_AFTER_SIGNING"))
                .andExpect(jsonPath("$.reasons[0].messageZh").value(startsWith("文档在签名后被修改")))
                .andExpect(jsonPath("$.reasons[0].messageEn").value(startsWith("Document modified after signing")));
    }

    @Test
    void shouldVerifyAPdfUploadedAsTheFormFieldFile() throws Exception {
        mvc.perform(multipart("/api/deliveries/verifications")
                        .file(new MockMultipartFile("file", "决定书.pdf", "application/pdf", sealedPdf())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true));
    }

    @Test
    void shouldRejectABodyThatIsNotAPdfNamingTheFieldAndTheRule() throws Exception {
        mvc.perform(post("/api/deliveries/verifications").contentType(MediaType.APPLICATION_PDF)
                        .content("<html>not a pdf</html>".getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.violations[0].field").value("body"))
                .andExpect(jsonPath("$.violations[0].rule").value("NOT_A_PDF"))
                .andExpect(jsonPath("$.violations[0].messageZh").value("body 不是PDF文件：PDF文件以 %PDF- 开头"))
                .andExpect(jsonPath("$.violations[0].messageEn").value("body is not a PDF file: a PDF starts with %PDF-"));
        mvc.perform(multipart("/api/deliveries/verifications")
                        .file(new MockMultipartFile("file", "a.txt", "text/plain", "hello".getBytes(StandardCharsets.UTF_8))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("file"))
                .andExpect(jsonPath("$.violations[0].rule").value("NOT_A_PDF"));
    }

    @Test
    void shouldAskForTheFileWhenTheUploadHasNone() throws Exception {
        mvc.perform(multipart("/api/deliveries/verifications")
                        .file(new MockMultipartFile("document", "a.pdf", "application/pdf", sealedPdf())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("file"))
                .andExpect(jsonPath("$.violations[0].rule").value("REQUIRED"));
        mvc.perform(post("/api/deliveries/verifications").contentType(MediaType.APPLICATION_PDF).content(new byte[0]))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("body"))
                .andExpect(jsonPath("$.violations[0].rule").value("REQUIRED"));
    }

    @Test
    void shouldRefuseAPdfOverTheSizeLimitWith413() throws Exception {
        byte[] big = new byte[64 * 1024 + 1];
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 9);

        mvc.perform(post("/api/deliveries/verifications").contentType(MediaType.APPLICATION_PDF).content(big))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.rule").value("PDF_TOO_LARGE"))
                .andExpect(jsonPath("$.violations[0].field").value("body"))
                .andExpect(jsonPath("$.detail").value("body exceeds the size limit of 64 KB and is not verified"))
                .andExpect(jsonPath("$.detailZh").value("body 超过大小上限 64 KB，不予验证"));
        mvc.perform(multipart("/api/deliveries/verifications")
                        .file(new MockMultipartFile("file", "big.pdf", "application/pdf", big)))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.violations[0].field").value("file"));
    }
}
