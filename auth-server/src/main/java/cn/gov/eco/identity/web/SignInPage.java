package cn.gov.eco.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * The sign-in page of the unified identity service (统一身份认证), in Chinese and in the portal's look, for enterprises
 * and staff alike. Spring Security's default page is English ("Please sign in") and unstyled; this one posts the
 * same form (username, password, CSRF token) to the same {@code POST /login}, so the login flow itself is Spring's.
 * The page is built here, escaped, from fixed text: nothing a user typed is echoed back into it.
 */
@Controller
class SignInPage {

    static final String PATH = "/login";

    @GetMapping(value = PATH, produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String page(HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String message = message(request);
        return """
                <!doctype html>
                <html lang="zh-CN">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>登录 · 生态环境执法与信用修复门户</title>
                  <link rel="stylesheet" href="/assets/sign-in.css">
                </head>
                <body>
                  <header class="top">
                    <span class="emblem" aria-hidden="true">生</span>
                    <div>
                      <div class="brand-name">生态环境执法与信用修复门户</div>
                      <div class="brand-sub">统一身份认证</div>
                    </div>
                  </header>
                  <main>
                    <form class="card" method="post" action="%s" novalidate>
                      <h1>登录</h1>
                      <p class="lead">企业用户和执法、审核人员使用同一登录入口。门户不接触您的密码。</p>
                      %s
                      <div class="field">
                        <label for="username">账号 <span class="required" aria-hidden="true">*</span></label>
                        <input id="username" name="username" autocomplete="username" required autofocus
                               aria-required="true">
                      </div>
                      <div class="field">
                        <label for="password">密码 <span class="required" aria-hidden="true">*</span></label>
                        <input id="password" name="password" type="password" autocomplete="current-password"
                               required aria-required="true">
                      </div>
                      %s
                      <button class="button primary" type="submit">登录</button>
                      <p class="hint">忘记密码或账号被锁定，请联系本单位系统管理员；企业用户请联系作出处罚决定的生态环境主管部门。</p>
                    </form>
                  </main>
                  <footer class="foot"><p>带 <span aria-hidden="true">*</span> 的为必填项。</p></footer>
                </body>
                </html>
                """.formatted(PATH, message, csrf == null ? "" : "<input type=\"hidden\" name=\""
                + HtmlUtils.htmlEscape(csrf.getParameterName()) + "\" value=\"" + HtmlUtils.htmlEscape(csrf.getToken())
                + "\">");
    }

    /** The outcome of the last attempt, as a person should read it: never the exception's English text. */
    private static String message(HttpServletRequest request) {
        if (request.getParameter("logout") != null) {
            return "<p class=\"notice\" role=\"status\">您已退出登录。</p>";
        }
        if (request.getParameter("error") == null) {
            return "";
        }
        Object failure = request.getSession(false) == null ? null
                : request.getSession(false).getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        String text = failure instanceof LockedException ? "账号已被锁定，请联系系统管理员。"
                : failure instanceof DisabledException ? "账号已停用，请联系系统管理员。"
                : "账号或密码不正确，请重新输入。";
        return "<p class=\"problem\" role=\"alert\">" + HtmlUtils.htmlEscape(text) + "</p>";
    }
}
