package cn.gov.eco.gateway.routing;

import cn.gov.eco.platform.security.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * The largest request body the gateway passes on ({@code gateway.max-request-size}, default 16 MiB: the largest
 * upload the services accept, with room to spare): a larger one is answered 413 problem+json naming {@code body}
 * before any of it reaches a service (issue 16, item 1), instead of a service resetting the connection halfway and
 * the caller seeing a 502.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class RequestSizeLimit extends OncePerRequestFilter {

    private final long maxBytes;

    public RequestSizeLimit(@Value("${gateway.max-request-size:16777216}") long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            ProblemResponses.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "REQUEST_TOO_LARGE", "body",
                    "请求体超过 " + maxBytes / (1024 * 1024) + " MB 的上限，未作任何更改",
                    "The request body exceeds the limit of " + maxBytes / (1024 * 1024) + " MB; nothing was changed");
            return;
        }
        chain.doFilter(request, response);
    }
}
