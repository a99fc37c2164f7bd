package cn.gov.eco.notice.delivery.application;

import cn.gov.eco.notice.delivery.infrastructure.DocumentStore;
import cn.gov.eco.notice.delivery.infrastructure.EvidenceStore;
import cn.gov.eco.platform.security.AccessPolicy;
import cn.gov.eco.platform.security.Actor;
import cn.gov.eco.platform.upload.UploadInspector;
import cn.gov.eco.platform.web.InvalidInputException;
import cn.gov.eco.platform.web.ProblemException;
import cn.gov.eco.platform.web.Violation;
import org.springframework.http.HttpStatus;

import java.time.Clock;

/**
 * Uploads of the evidence of paper service: the scan of a signed 送达回证 or 回执, photos of documents left at the
 * premises, the signed 送达地址确认书. The type is decided by the content (PDF, JPEG or PNG signature bytes), never
 * by the name or the declared type, and the size is limited.
 */
public class EvidenceUploads {

    private final EvidenceStore store;
    private final AccessPolicy policy;
    private final long maxBytes;
    private final Clock clock;

    public EvidenceUploads(EvidenceStore store, AccessPolicy policy, long maxBytes, Clock clock) {
        this.store = store;
        this.policy = policy;
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public EvidenceStore.Evidence upload(Actor actor, String rawUscc, String fileName, byte[] content) {
        String uscc = ConsentService.uscc(rawUscc);
        policy.requireEnterprise(actor, "evidence", uscc);
        if (content == null || content.length == 0) {
            throw new InvalidInputException(new Violation("file", "REQUIRED", "请选择要上传的文件", "the file is required"));
        }
        if (content.length > maxBytes) {
            throw tooLarge(maxBytes);
        }
        if (UploadInspector.signature(content).isEmpty()) {
            throw new InvalidInputException(new Violation("file", "UNSUPPORTED_TYPE",
                    "只接受PDF、JPEG或PNG文件（按文件内容判断）", "only PDF, JPEG or PNG files are accepted (judged by their content)"));
        }
        // parsed whole, not only sniffed: nothing active rides along, and the name is sanitised (issue 16, row 6)
        var inspected = UploadInspector.inspect("file", fileName, content);
        return store.store(content, inspected.fileName(), inspected.contentType(), DocumentStore.sha256(content), uscc,
                actor.userId(), clock.instant());
    }

    public static ProblemException tooLarge(long maxBytes) {
        return new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "EVIDENCE_TOO_LARGE", "file",
                "文件超过 " + maxBytes / 1024 + " KB 的上限", "the file exceeds the limit of " + maxBytes / 1024 + " KB");
    }
}
