package cn.gov.eco.platform.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The error page every failure that never reached a controller is forwarded to (the servlet container's own
 * rejections: malformed paths, {@code ..}, encoded separators, a filter's exception): problem+json like the rest,
 * in place of Boot's default error JSON (issue 16, row 7). It answers every method and media type. Not an
 * operation of the API: hidden from the OpenAPI documents (as Boot's own error controller is).
 */
@Hidden
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping(path = "${server.error.path:${error.path:/error}}",
            produces = {MediaType.APPLICATION_PROBLEM_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE, MediaType.ALL_VALUE})
    public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatusCode status = HttpStatusCode.valueOf(code instanceof Integer i && i >= 400 && i < 600 ? i : 500);
        ProblemDetail p;
        if (status.value() == 400) {
            p = ProblemHandler.problem(status, "REQUEST_REJECTED", "请求的路径或格式不合规范，已被拒绝，未作任何更改",
                    "The request's path or form is not acceptable and was refused; nothing was changed");
            p.setProperty("violations", List.of(new Violation("path", "REQUEST_REJECTED",
                    "请求路径含有不允许的字符或片段（如 ..、编码的分隔符、矩阵参数）", "The path contains characters or segments that are "
                    + "not allowed (such as .., encoded separators, matrix parameters)")));
        } else if (status.is5xxServerError()) {
            p = ProblemHandler.problem(status, "INTERNAL", "发生意外错误，本次请求未作任何更改。",
                    "An unexpected error occurred; nothing was changed by this request.");
        } else {
            p = ProblemHandler.problem(status, "HTTP_" + status.value(), "请求未能处理（HTTP " + status.value() + "）",
                    "The request could not be handled (HTTP " + status.value() + ")");
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}
