package cn.gov.eco.notice.delivery.web;

import cn.gov.eco.notice.delivery.application.EvidenceUploads;
import cn.gov.eco.notice.delivery.infrastructure.EvidenceStore;
import cn.gov.eco.platform.security.Access;
import cn.gov.eco.platform.security.Actor;
import cn.gov.eco.platform.web.InvalidInputException;
import cn.gov.eco.platform.web.ProblemHandler;
import cn.gov.eco.platform.web.Violation;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;

import static cn.gov.eco.contracts.identity.Role.OFFICER;

/** Uploads of the evidence of service (scans of receipts, photos), PDF / JPEG / PNG by content. */
@RestController
@RequestMapping("/api/deliveries/evidence")
public class EvidenceController {

    private final EvidenceUploads uploads;
    private final ProblemHandler problems;

    public EvidenceController(EvidenceUploads uploads, ProblemHandler problems) {
        this.uploads = uploads;
        this.problems = problems;
    }

    @Operation(summary = "上传送达证据 / upload evidence of service",
            description = "Multipart field 'file' (PDF, JPEG or PNG, judged by content; size-limited) and the "
                    + "enterprise's 'uscc'. Answers the evidenceId to cite in receipts, failures and consents.")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Access(roles = {OFFICER}, changesState = true)
    @ResponseStatus(HttpStatus.CREATED) // the 2xx the OpenAPI document names (ResponseEntity.created)
    public ResponseEntity<EvidenceStore.Evidence> upload(Actor actor,
                                                         @RequestParam(name = "uscc", required = false) String uscc,
                                                         @RequestPart(name = "file", required = false)
                                                         MultipartFile file) throws IOException {
        if (file == null) {
            throw new InvalidInputException(new Violation("file", "REQUIRED", "请在表单字段 file 中上传文件",
                    "upload the file in the form field 'file'"));
        }
        if (file.getSize() > uploads.maxBytes()) {
            throw EvidenceUploads.tooLarge(uploads.maxBytes());
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(uploads.upload(actor, uscc, file.getOriginalFilename(), file.getBytes()));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    public ResponseEntity<ProblemDetail> uploadTooLarge(MaxUploadSizeExceededException e) {
        return problems.problem(EvidenceUploads.tooLarge(uploads.maxBytes()));
    }
}
