package cn.gov.eco.gateway.routing;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.function.BiFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * A service that cannot be reached or does not answer in time, answered as RFC 9457 problem+json in the platform's
 * shape ({@code type}, English {@code title} and {@code detail}, Chinese {@code titleZh} and {@code detailZh}):
 * <ul>
 *   <li>502 {@code upstream-unreachable}: no connection (refused, unknown host, connect timeout) or the connection
 *       broke; a request that never reached the service changed nothing;</li>
 *   <li>504 {@code upstream-timeout}: connected, but no answer within the read timeout; the service may still carry
 *       the request out, so the caller checks before repeating it.</li>
 * </ul>
 */
public final class UpstreamFailures {

    private static final Logger log = LoggerFactory.getLogger(UpstreamFailures.class);
    static final String TYPE_PREFIX = "urn:cn.gov.eco:problem:";

    private UpstreamFailures() {
    }

    public static boolean isUpstreamFailure(Throwable e) {
        return e instanceof ResourceAccessException || e instanceof IOException;
    }

    public static BiFunction<Throwable, ServerRequest, ServerResponse> answer(String service) {
        return (e, request) -> {
            boolean timeout = isReadTimeout(e);
            log.warn("{} {} → {}: {} ({})", request.method(), request.path(), service,
                    timeout ? "no answer in time" : "unreachable", rootCause(e).toString());
            ProblemDetail p = timeout ? timeout(service) : unreachable(service);
            p.setInstance(URI.create(request.path()));
            p.setProperty("service", service);
            return ServerResponse.status(p.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
        };
    }

    private static ProblemDetail unreachable(String service) {
        ProblemDetail p = ProblemDetail.forStatus(HttpStatus.BAD_GATEWAY);
        p.setType(URI.create(TYPE_PREFIX + "upstream-unreachable"));
        p.setTitle("Service unreachable");
        p.setProperty("titleZh", "服务暂时无法访问");
        p.setDetail(service + " could not be reached; the request did not get through. Try again later.");
        p.setProperty("detailZh", service + " 暂时无法连接，请求未送达，请稍后重试。");
        return p;
    }

    private static ProblemDetail timeout(String service) {
        ProblemDetail p = ProblemDetail.forStatus(HttpStatus.GATEWAY_TIMEOUT);
        p.setType(URI.create(TYPE_PREFIX + "upstream-timeout"));
        p.setTitle("Service did not answer in time");
        p.setProperty("titleZh", "服务响应超时");
        p.setDetail(service + " did not answer in time. The request may still be carried out: check its outcome"
                + " before sending it again.");
        p.setProperty("detailZh", service + " 未在规定时间内响应。该请求仍可能被处理，重新提交前请先查询其结果。");
        return p;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    /** Connected but no answer in time; a connect timeout is "unreachable". */
    private static boolean isReadTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpConnectTimeoutException || t instanceof ConnectException
                    || t instanceof UnknownHostException || t instanceof NoRouteToHostException) {
                return false;
            }
            if (t instanceof HttpTimeoutException || t instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
