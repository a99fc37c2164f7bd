package cn.gov.eco.credit.repair.web;

import cn.gov.eco.platform.web.ProblemHandler;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

import java.util.List;

/** An upload beyond the server's multipart limit: 413 problem+json naming the materials, before anything is stored. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class UploadLimitProblems {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    public ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
        ProblemDetail p = ProblemHandler.problem(HttpStatus.CONTENT_TOO_LARGE, "MATERIALS_TOO_LARGE",
                "上传内容超过服务器允许的大小", "the upload exceeds the size the server accepts");
        p.setProperty("violations", List.of(new cn.gov.eco.platform.web.Violation("materials", "MATERIALS_TOO_LARGE",
                "上传内容超过服务器允许的大小", "the upload exceeds the size the server accepts")));
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(p);
    }
}
