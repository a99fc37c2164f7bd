package cn.gov.eco.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.util.List;

/**
 * The role gate of every {@code /api/**} handler, from its {@link Access} rule, before the request body is read: a
 * caller without one of the rule's roles learns nothing about the input's validity. A handler without a rule is
 * refused to everyone. Resource-level rules (enterprise scope, separation of duties) are the application services'.
 */
public class AccessInterceptor implements HandlerInterceptor {

    private final AccessPolicy policy;
    private final TokenClaims claims;

    public AccessInterceptor(AccessPolicy policy, TokenClaims claims) {
        this.policy = policy;
        this.claims = claims;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        String what = request.getMethod() + " " + request.getRequestURI();
        Actor actor = CurrentActor.find(request, claims).orElse(null);
        Access rule = method.getMethodAnnotation(Access.class);
        if (rule == null) {
            throw policy.deny(actor, what, AccessPolicy.NO_ACCESS_RULE, "该接口未声明访问规则，拒绝访问",
                    "this endpoint declares no access rule and is closed");
        }
        if (actor == null) {
            // the filter chain lets no anonymous request reach /api/**; refuse rather than assume
            throw policy.deny(null, what, AccessPolicy.ROLE_REQUIRED, "需要登录", "authentication required");
        }
        policy.requireRole(actor, what, List.of(rule.roles()), rule.changesState());
        return true;
    }
}
