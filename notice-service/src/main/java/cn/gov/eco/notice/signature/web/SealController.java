package cn.gov.eco.notice.signature.web;

import cn.gov.eco.notice.NoticeProperties;
import cn.gov.eco.notice.signature.NotAPdfException;
import cn.gov.eco.notice.signature.SealKey;
import cn.gov.eco.notice.signature.SealVerification;
import cn.gov.eco.notice.signature.SealVerifier;
import cn.gov.eco.platform.security.Access;
import cn.gov.eco.platform.web.InvalidInputException;
import cn.gov.eco.platform.web.ProblemException;
import cn.gov.eco.platform.web.ProblemHandler;
import cn.gov.eco.platform.web.Violation;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;

import static cn.gov.eco.contracts.identity.Role.AGENCY_HEAD;
import static cn.gov.eco.contracts.identity.Role.AUDITOR;
import static cn.gov.eco.contracts.identity.Role.CASE_REVIEWER;
import static cn.gov.eco.contracts.identity.Role.CREDIT_REVIEWER;
import static cn.gov.eco.contracts.identity.Role.DASHBOARD;
import static cn.gov.eco.contracts.identity.Role.ENTERPRISE;
import static cn.gov.eco.contracts.identity.Role.HEARING_HOST;
import static cn.gov.eco.contracts.identity.Role.LEGAL_REVIEWER;
import static cn.gov.eco.contracts.identity.Role.OFFICER;

/**
 * The electronic seal for everyone who holds a document: the seal certificate to verify offline, and a verification
 * of an uploaded PDF. A document that does not verify is a normal answer ({@code valid: false} and the reasons);
 * only a body that is not a PDF at all, or too large, is an error.
 */
@RestController
@RequestMapping("/api/deliveries")
public class SealController {

    public static final MediaType PEM = MediaType.parseMediaType("application/x-pem-file");

    private final SealKey key;
    private final SealVerifier verifier;
    private final DataSize maxSize;
    private final ProblemHandler problems;

    public SealController(SealKey key, SealVerifier verifier, NoticeProperties props, ProblemHandler problems) {
        this.key = key;
        this.verifier = verifier;
        this.maxSize = props.seal().verificationMaxSize();
        this.problems = problems;
    }

    /** The certificate (chain, signer first) that signs every document, as PEM, with its SHA-256 in a header. */
    @GetMapping("/seal-certificate")
    @Access(roles = {OFFICER, CASE_REVIEWER, LEGAL_REVIEWER, AGENCY_HEAD, HEARING_HOST, CREDIT_REVIEWER, AUDITOR,
            ENTERPRISE, DASHBOARD}, scope = Access.Scope.SHARED)
    public ResponseEntity<String> certificate() {
        return ResponseEntity.ok().contentType(PEM)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename("notice-seal-certificate.pem").build().toString())
                .header("X-Certificate-SHA256", key.fingerprint())
                .body(key.certificatesPem());
    }

    /** The PDF as the request body. */
    @Access(roles = {OFFICER, CASE_REVIEWER, LEGAL_REVIEWER, AGENCY_HEAD, HEARING_HOST, CREDIT_REVIEWER, AUDITOR,
            ENTERPRISE, DASHBOARD}, scope = Access.Scope.SHARED)
    @PostMapping(value = "/verifications",
            consumes = {MediaType.APPLICATION_PDF_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    public SealVerification verifyBody(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > maxSize.toBytes()) {
            throw tooLarge("body"); // before reading a byte of it
        }
        byte[] pdf;
        try (InputStream in = request.getInputStream()) {
            pdf = in.readNBytes(Math.toIntExact(maxSize.toBytes() + 1));
        }
        if (pdf.length > maxSize.toBytes()) {
            throw tooLarge("body");
        }
        return verify(pdf, "body");
    }

    /** The PDF as the form field {@code file} of a multipart upload, as a browser form sends it. */
    @Access(roles = {OFFICER, CASE_REVIEWER, LEGAL_REVIEWER, AGENCY_HEAD, HEARING_HOST, CREDIT_REVIEWER, AUDITOR,
            ENTERPRISE, DASHBOARD}, scope = Access.Scope.SHARED)
    @PostMapping(value = "/verifications", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public SealVerification verifyUpload(@RequestPart(name = "file", required = false) MultipartFile file)
            throws IOException {
        if (file == null) {
            throw new InvalidInputException(new Violation("file", "REQUIRED",
                    "请在表单字段 file 中上传要验证的PDF文件", "Upload the PDF to verify in the form field 'file'"));
        }
        if (file.getSize() > maxSize.toBytes()) {
            throw tooLarge("file");
        }
        return verify(file.getBytes(), "file");
    }

    /** The multipart limit is Spring's (notice-service sets it from the same size and resolves uploads lazily). */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    public ResponseEntity<ProblemDetail> uploadTooLarge(MaxUploadSizeExceededException e) {
        return problems.problem(tooLarge("file"));
    }

    private SealVerification verify(byte[] pdf, String field) {
        if (pdf.length == 0) {
            throw new InvalidInputException(new Violation(field, "REQUIRED",
                    field + " 为空：请提交要验证的PDF文件", field + " is empty: send the PDF to verify"));
        }
        try {
            return verifier.verify(pdf);
        } catch (NotAPdfException e) {
            throw new InvalidInputException(new Violation(field, "NOT_A_PDF",
                    field + " 不是PDF文件：PDF文件以 %PDF- 开头", field + " is not a PDF file: a PDF starts with %PDF-"));
        }
    }

    private ProblemException tooLarge(String field) {
        String limit = readable(maxSize);
        return new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "PDF_TOO_LARGE", field,
                field + " 超过大小上限 " + limit + "，不予验证", field + " exceeds the size limit of " + limit
                + " and is not verified");
    }

    static String readable(DataSize size) {
        long bytes = size.toBytes();
        if (bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
            return size.toMegabytes() + " MB";
        }
        return bytes % 1024 == 0 ? size.toKilobytes() + " KB" : bytes + " bytes";
    }
}
