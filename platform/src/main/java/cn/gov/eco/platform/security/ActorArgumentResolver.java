package cn.gov.eco.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Lets a handler take the request's {@link Actor} as a parameter. */
public class ActorArgumentResolver implements HandlerMethodArgumentResolver {

    private final TokenClaims claims;

    public ActorArgumentResolver(TokenClaims claims) {
        this.claims = claims;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Actor.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                  NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        return CurrentActor.find(webRequest.getNativeRequest(HttpServletRequest.class), claims)
                .orElseThrow(() -> new IllegalStateException("no authenticated actor for " + parameter));
    }
}
