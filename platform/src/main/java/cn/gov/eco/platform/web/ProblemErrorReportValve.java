package cn.gov.eco.platform.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import java.io.IOException;
import java.io.Writer;

/**
 * Tomcat's own error report, for what the container refuses before any application code runs (an encoded slash or
 * an encoded {@code ..} in the path, an invalid request line): problem+json like every other answer, in place of
 * Tomcat's HTML page (issue 16, row 7). Installed on the host by {@link #installer()}.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    /**
     * A body a service refuses before reading it to the end (a malformed value early in a large JSON body) is still
     * read to the end up to this size, so that the answer reaches the client (through the gateway) instead of a reset
     * connection. The gateway refuses bodies larger than this before they reach a service.
     */
    public static final int MAX_SWALLOW_BYTES = 32 * 1024 * 1024;

    /**
     * Installs this valve as the Tomcat host's error report (the services and the gateway), and lets Tomcat read a
     * refused body to the end (up to {@link #MAX_SWALLOW_BYTES}) so that its problem+json answer is delivered.
     */
    public static org.springframework.boot.web.server.WebServerFactoryCustomizer<
            org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory> installer() {
        return factory -> {
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof org.apache.catalina.core.StandardHost host) {
                    host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
            });
            factory.addConnectorCustomizers(connector -> connector.setProperty("maxSwallowSize",
                    Integer.toString(MAX_SWALLOW_BYTES)));
        };
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String body;
        if (status == 400) {
            body = "{\"type\":\"" + ProblemHandler.TYPE_PREFIX + "request-rejected\",\"title\":\"Invalid request\","
                    + "\"titleZh\":\"请求无效\",\"status\":400,\"rule\":\"REQUEST_REJECTED\","
                    + "\"detail\":\"The request's path or form is not acceptable and was refused; nothing was changed\","
                    + "\"detailZh\":\"请求的路径或格式不合规范，已被拒绝，未作任何更改\","
                    + "\"violations\":[{\"field\":\"path\",\"rule\":\"REQUEST_REJECTED\","
                    + "\"messageZh\":\"请求路径含有不允许的字符或片段（如编码的分隔符或 ..）\","
                    + "\"messageEn\":\"The path contains characters or segments that are not allowed (such as encoded "
                    + "separators or ..)\"}]}";
        } else {
            body = "{\"type\":\"" + ProblemHandler.TYPE_PREFIX + "http-" + status + "\",\"title\":\"Request failed\","
                    + "\"titleZh\":\"请求失败\",\"status\":" + status + ",\"rule\":\"HTTP_" + status + "\","
                    + "\"detail\":\"The request could not be handled (HTTP " + status + ")\","
                    + "\"detailZh\":\"请求未能处理（HTTP " + status + "）\"}";
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away: nothing more to answer
        }
    }
}
