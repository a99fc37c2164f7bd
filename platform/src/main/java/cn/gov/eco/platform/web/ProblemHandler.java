package cn.gov.eco.platform.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Every error is an answer: RFC 9457 problem+json with a stable {@code type}, an English {@code title} and a Chinese
 * {@code titleZh}, and for bad input the list of {@code violations} naming each field and rule. Nothing reaches
 * storage before validation passes, so a 4xx never leaves a half-written state.
 */
@RestControllerAdvice
public class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    public static final String TYPE_PREFIX = "urn:cn.gov.eco:problem:";

    private static final Map<Integer, String[]> TITLES = Map.of(
            400, new String[]{"请求无效", "Invalid request"},
            401, new String[]{"未认证", "Unauthenticated"},
            403, new String[]{"无权访问", "Forbidden"},
            404, new String[]{"未找到", "Not found"},
            405, new String[]{"不支持该请求方法", "Method not allowed"},
            406, new String[]{"不支持所请求的格式", "Not acceptable"},
            409, new String[]{"与当前状态冲突", "Conflict"},
            413, new String[]{"请求内容过大", "Payload too large"},
            415, new String[]{"不支持的内容类型", "Unsupported media type"},
            500, new String[]{"服务器内部错误", "Internal server error"});

    @ExceptionHandler(InvalidInputException.class)
    public ResponseEntity<ProblemDetail> invalid(InvalidInputException e) {
        return invalidInput(e.violations());
    }

    @ExceptionHandler(ProblemException.class)
    public ResponseEntity<ProblemDetail> problem(ProblemException e) {
        ProblemDetail p = base(e.status(), slug(e.rule()));
        if (e.titleZh() != null) {
            p.setTitle(e.titleEn());
            p.setProperty("titleZh", e.titleZh());
        }
        p.setDetail(e.messageEn());
        p.setProperty("detailZh", e.messageZh());
        p.setProperty("rule", e.rule());
        if (e.field() != null) {
            p.setProperty("violations", List.of(new Violation(e.field(), e.rule(), e.messageZh(), e.messageEn())));
        }
        return respond(p);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    public ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        String field = "$";
        String en = "The body is not valid JSON of the expected shape";
        String zh = "请求体不是符合要求的JSON";
        if (e.getCause() instanceof JacksonException j && !j.getPath().isEmpty()) {
            field = path(j.getPath());
            en = "Field " + field + " has the wrong type or format";
            zh = "字段 " + field + " 的类型或格式不正确";
        }
        return invalidInput(List.of(new Violation(field, "MALFORMED_JSON", zh, en)));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    public ResponseEntity<ProblemDetail> beanValidation(MethodArgumentNotValidException e) {
        List<Violation> violations = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new Violation(f.getField(), "CONSTRAINT_" + String.valueOf(f.getCode()).toUpperCase(),
                        "字段 " + f.getField() + " 不符合要求：" + f.getDefaultMessage(),
                        "Field " + f.getField() + " is invalid: " + f.getDefaultMessage()))
                .toList();
        return invalidInput(violations);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return invalidInput(List.of(new Violation(e.getName(), "TYPE_MISMATCH",
                "参数 " + e.getName() + " 的格式不正确", "Parameter " + e.getName() + " has the wrong format")));
    }

    /** Spring MVC's own errors (404, 405, 415, 413…) keep their status and get the bilingual titles. */
    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> other(Exception e) {
        if (e instanceof ErrorResponse er) {
            HttpStatusCode status = er.getStatusCode();
            ProblemDetail p = base(status, "http-" + status.value());
            p.setDetail(er.getBody().getDetail());
            return respond(p);
        }
        log.error("unexpected error answered with 500", e);
        ProblemDetail p = base(HttpStatus.INTERNAL_SERVER_ERROR, "internal");
        p.setDetail("An unexpected error occurred; nothing was changed by this request.");
        p.setProperty("detailZh", "发生意外错误，本次请求未作任何更改。");
        return respond(p);
    }

    private ResponseEntity<ProblemDetail> invalidInput(List<Violation> violations) {
        ProblemDetail p = base(HttpStatus.BAD_REQUEST, "invalid-input");
        p.setDetail(violations.size() + " field(s) are invalid: "
                + String.join("; ", violations.stream().map(Violation::messageEn).toList()));
        p.setProperty("detailZh", "有 " + violations.size() + " 处输入不符合要求：" + String.join("；",
                violations.stream().map(Violation::messageZh).toList()));
        p.setProperty("violations", violations);
        return respond(p);
    }

    /**
     * A problem with this handler's type, bilingual titles and details, for answers written outside Spring MVC
     * (the security filters) so that they look exactly like the rest.
     */
    public static ProblemDetail problem(HttpStatusCode status, String rule, String detailZh, String detailEn) {
        ProblemDetail p = base(status, slug(rule));
        p.setDetail(detailEn);
        p.setProperty("detailZh", detailZh);
        p.setProperty("rule", rule);
        return p;
    }

    private static ProblemDetail base(HttpStatusCode status, String slug) {
        ProblemDetail p = ProblemDetail.forStatus(status);
        String[] t = TITLES.getOrDefault(status.value(), new String[]{"请求失败", "Request failed"});
        p.setType(URI.create(TYPE_PREFIX + slug));
        p.setTitle(t[1]);
        p.setProperty("titleZh", t[0]);
        return p;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail p) {
        return ResponseEntity.status(p.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    private static String slug(String rule) {
        return rule.toLowerCase().replace('_', '-');
    }

    private static String path(List<JacksonException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference r : refs) {
            if (r.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "$" : sb.toString();
    }
}
