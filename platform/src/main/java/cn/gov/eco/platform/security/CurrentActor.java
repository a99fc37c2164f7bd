package cn.gov.eco.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Optional;

/** The actor of the current request, from the validated token in the security context. */
public final class CurrentActor {

    private static final String ATTRIBUTE = Actor.class.getName();

    private CurrentActor() {
    }

    public static Optional<Actor> find(HttpServletRequest request) {
        return find(request, TokenClaims.DEFAULTS);
    }

    public static Optional<Actor> find(HttpServletRequest request, TokenClaims claims) {
        if (request != null && request.getAttribute(ATTRIBUTE) instanceof Actor cached) {
            return Optional.of(cached);
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof JwtAuthenticationToken jwt) {
            Actor actor = Actor.from(jwt.getToken(), claims);
            if (request != null) {
                request.setAttribute(ATTRIBUTE, actor);
            }
            return Optional.of(actor);
        }
        return Optional.empty();
    }
}
