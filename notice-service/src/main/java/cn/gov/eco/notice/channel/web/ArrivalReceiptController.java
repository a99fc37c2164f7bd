package cn.gov.eco.notice.channel.web;

import cn.gov.eco.contracts.callback.HmacSignature;
import cn.gov.eco.notice.channel.ElectronicArrivals;
import cn.gov.eco.notice.channel.infrastructure.EDeliveryProperties;
import cn.gov.eco.notice.channel.infrastructure.ElectronicChannelConfiguration;
import cn.gov.eco.platform.web.InvalidInputException;
import cn.gov.eco.platform.web.ProblemHandler;
import cn.gov.eco.platform.web.Violation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The electronic-delivery platform's arrival receipt (送达回执): the moment both documents reached the enterprise's
 * designated system, which is when electronic service takes effect (《民事诉讼法》第九十条第二款). Called by the platform,
 * not by a person: it is authenticated by the HMAC signature with the shared secret, not by a token
 * ({@link cn.gov.eco.platform.security.TokenExemptPath}, declared in {@link ElectronicChannelConfiguration}). A
 * missing, forged or stale signature is 401 and nothing is recorded; a well-signed receipt is handed to
 * {@link ElectronicArrivals}, which is idempotent.
 */
@RestController
public class ArrivalReceiptController {

    private static final Logger log = LoggerFactory.getLogger(ArrivalReceiptController.class);

    private final HmacSignature signature;
    private final EDeliveryProperties props;
    private final ObjectProvider<ElectronicArrivals> arrivals;
    private final JsonMapper json;
    private final Clock clock;

    public ArrivalReceiptController(EDeliveryProperties props, ObjectProvider<ElectronicArrivals> arrivals,
                                    JsonMapper json, Clock clock) {
        this.signature = new HmacSignature(props.secret());
        this.props = props;
        this.arrivals = arrivals;
        this.json = json;
        this.clock = clock;
    }

    @Operation(summary = "电子送达平台的送达回执（平台回调，HMAC签名认证） / The e-delivery platform's arrival receipt "
            + "(platform callback, authenticated by HMAC signature)")
    @ApiResponse(responseCode = "204", description = "recorded (or already recorded)")
    @ApiResponse(responseCode = "401", description = "signature missing, forged or stale: nothing recorded")
    @PostMapping(path = ElectronicChannelConfiguration.CALLBACK_PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<?> arrived(@RequestHeader(name = HmacSignature.TIMESTAMP_HEADER, required = false) String ts,
                                     @RequestHeader(name = HmacSignature.SIGNATURE_HEADER, required = false) String sig,
                                     @RequestBody byte[] body) {
        var verdict = signature.verify(ts, sig, body, clock.instant(), props.callbackMaxSkew());
        if (verdict != HmacSignature.Verdict.VALID) {
            log.warn("e-delivery callback refused: signature {}", verdict);
            ProblemDetail p = ProblemHandler.problem(HttpStatus.UNAUTHORIZED, "CALLBACK_SIGNATURE_" + verdict,
                    "回调签名缺失、无效或已过期，未作记录", "The callback's signature is " + verdict.name().toLowerCase()
                            + "; nothing was recorded");
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .header("WWW-Authenticate", "HMAC-SHA256 realm=\"edelivery\"").body(p);
        }
        Receipt receipt = parse(body);
        ElectronicArrivals target = arrivals.getIfAvailable();
        if (target == null) {
            ProblemDetail p = ProblemHandler.problem(HttpStatus.SERVICE_UNAVAILABLE, "ARRIVALS_NOT_AVAILABLE",
                    "暂不能记录送达回执，请稍后重试", "Arrival receipts cannot be recorded now; send it again later");
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON).header("Retry-After", "30").body(p);
        }
        target.arrived(receipt.deliveryId(), receipt.platformMessageId(), receipt.arrivedAt());
        log.info("e-delivery arrival of {} ({}) at {}", receipt.deliveryId(), receipt.platformMessageId(),
                receipt.arrivedAt());
        return ResponseEntity.noContent().build();
    }

    record Receipt(String deliveryId, String platformMessageId, Instant arrivedAt) {
    }

    private Receipt parse(byte[] body) {
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JacksonException e) {
            throw new InvalidInputException(new Violation("$", "MALFORMED_JSON", "请求体不是符合要求的JSON",
                    "The body is not valid JSON"));
        }
        List<Violation> violations = new ArrayList<>();
        String deliveryId = required(node, "deliveryId", violations);
        String messageId = required(node, "platformMessageId", violations);
        String at = required(node, "arrivedAt", violations);
        Instant arrivedAt = null;
        if (at != null) {
            try {
                arrivedAt = Instant.parse(at);
            } catch (DateTimeParseException e) {
                violations.add(new Violation("arrivedAt", "INSTANT", "arrivedAt 须为ISO-8601时刻（如2026-11-26T02:00:00Z）",
                        "arrivedAt must be an ISO-8601 instant (e.g. 2026-11-26T02:00:00Z)"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new Receipt(deliveryId, messageId, arrivedAt);
    }

    private static String required(JsonNode node, String field, List<Violation> violations) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || !v.isString() || v.asString().isBlank()) {
            violations.add(new Violation(field, "REQUIRED", field + " 为必填文本", field + " is a required string"));
            return null;
        }
        return v.asString();
    }
}
