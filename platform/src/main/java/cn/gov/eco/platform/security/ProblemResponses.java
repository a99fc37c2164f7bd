package cn.gov.eco.platform.security;

import cn.gov.eco.platform.web.ProblemHandler;
import cn.gov.eco.platform.web.Violation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * problem+json written by filters (the security filters, the gateway's size limit), before Spring MVC (and its
 * exception handlers) is reached.
 */
public final class ProblemResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemResponses() {
    }

    public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String rule,
                             String detailZh, String detailEn) throws IOException {
        write(request, response, ProblemHandler.problem(status, rule, detailZh, detailEn));
    }

    /** A problem naming the field at fault, e.g. the {@code path} the firewall refused. */
    public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String rule,
                             String field, String detailZh, String detailEn) throws IOException {
        ProblemDetail p = ProblemHandler.problem(status, rule, detailZh, detailEn);
        p.setProperty("violations", List.of(new Violation(field, rule, detailZh, detailEn)));
        write(request, response, p);
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail p)
            throws IOException {
        HttpStatus status = HttpStatus.valueOf(p.getStatus());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", p.getType().toString());
        body.put("title", p.getTitle());
        body.put("status", p.getStatus());
        body.put("detail", p.getDetail());
        body.put("instance", request.getRequestURI());
        body.putAll(p.getProperties());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(JSON.writeValueAsBytes(body));
    }
}
