package cn.gov.eco.platform.security;

import cn.gov.eco.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** A refusal: 403 problem+json with the rule broken, in Chinese and English. */
public class AccessDeniedProblem extends ProblemException {

    public AccessDeniedProblem(String rule, String zh, String en) {
        super(HttpStatus.FORBIDDEN, rule, null, zh, en);
    }
}
