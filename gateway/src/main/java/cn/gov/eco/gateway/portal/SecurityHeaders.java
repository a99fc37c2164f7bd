package cn.gov.eco.gateway.portal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * The usual security headers on what the gateway serves itself: the portal's pages, scripts, its configuration and
 * token route, and its own error answers (issue 16, row 8). The portal builds every element with {@code textContent}
 * and loads only its own module scripts and stylesheet, so the policy allows nothing else: no inline script or
 * style, no other origin, no framing. What the services answer through {@code /api/**} carries their own headers
 * (the platform's security configuration), which the gateway passes on untouched.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SecurityHeaders extends OncePerRequestFilter {

    /** Documents are downloaded as blobs and handed to the browser; images (receipt scans) may be shown from blobs. */
    public static final String PORTAL_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        if (!path.startsWith("/api/") && !path.startsWith("/v3/api-docs")) {
            response.setHeader("Content-Security-Policy", PORTAL_CSP);
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("X-Frame-Options", "DENY");
            response.setHeader("Referrer-Policy", "no-referrer");
            response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
            response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
        }
        chain.doFilter(request, response);
    }
}
