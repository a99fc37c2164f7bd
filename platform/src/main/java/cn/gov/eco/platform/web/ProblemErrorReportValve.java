package cn.gov.eco.platform.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import java.io.IOException;
import java.io.Writer;

/**
 * Tomcat's own error report, for what the container refuses before any application code runs (an encoded slash or
 * an encoded {@code ..} in the path, an invalid request line): problem+json like every other answer, in place of
 * Tomcat's HTML page (issue 16, row 7). Installed on the host by {@code PlatformAutoConfiguration}.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

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
