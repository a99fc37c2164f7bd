package cn.gov.eco.identity.password;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.util.StringUtils;

/**
 * Reads {@code grant_type=password&username=…&password=…[&scope=…]} at the token endpoint (RFC 6749 §4.3.2). The
 * client has already been authenticated by the token endpoint's client authentication filter.
 */
public final class PasswordGrantAuthenticationConverter implements AuthenticationConverter {

    // RFC 6749 §4.3.2; Spring Security 7 dropped these names with the grant.
    static final String USERNAME = "username";
    static final String PASSWORD = "password";
    private static final String ERROR_URI = "https://datatracker.ietf.org/doc/html/rfc6749#section-5.2";

    @Override
    public Authentication convert(HttpServletRequest request) {
        if (!PasswordGrantAuthenticationToken.PASSWORD.getValue().equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE))) {
            return null;
        }
        Authentication client = SecurityContextHolder.getContext().getAuthentication();
        String username = single(request, USERNAME, true);
        String password = single(request, PASSWORD, true);
        String scope = single(request, OAuth2ParameterNames.SCOPE, false);
        Set<String> scopes = StringUtils.hasText(scope)
                ? new LinkedHashSet<>(Arrays.asList(StringUtils.delimitedListToStringArray(scope, " ")))
                : Set.of();
        Map<String, Object> additional = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!Set.of(OAuth2ParameterNames.GRANT_TYPE, OAuth2ParameterNames.CLIENT_ID, OAuth2ParameterNames.CLIENT_SECRET,
                    USERNAME, PASSWORD, OAuth2ParameterNames.SCOPE).contains(name)) {
                additional.put(name, values.length == 1 ? values[0] : values);
            }
        });
        return new PasswordGrantAuthenticationToken(username, password, scopes, client, additional);
    }

    private static String single(HttpServletRequest request, String name, boolean required) {
        String[] values = request.getParameterValues(name);
        if (values == null || values.length == 0) {
            if (required) {
                throw invalidRequest(name);
            }
            return null;
        }
        if (values.length > 1 || (required && !StringUtils.hasText(values[0]))) {
            throw invalidRequest(name);
        }
        return values[0];
    }

    private static OAuth2AuthenticationException invalidRequest(String parameter) {
        return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST,
                "OAuth 2.0 Parameter: " + parameter, ERROR_URI));
    }
}
