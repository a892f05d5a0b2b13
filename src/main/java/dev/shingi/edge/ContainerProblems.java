package dev.shingi.edge;

import org.apache.catalina.Container;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Requests Tomcat refuses before the application sees them (a path whose escapes are not UTF-8, such as the overlong
 * {@code %C0%BC}, or an encoded slash {@code %2F}) are answered by Tomcat's error report, an HTML page. This puts a
 * problem detail in its place, as every other refusal is: {@code application/problem+json} naming the request line.
 */
@Component
class ContainerProblems implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            Container parent = context.getParent();
            if (parent instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        });
    }

    /** Tomcat's error report, written as a problem detail instead of a page. */
    public static class ProblemReportValve extends ErrorReportValve {
        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            try {
                response.setContentType("application/problem+json");
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                Writer w = response.getReporter();
                if (w != null) {
                    w.write("{\"type\":\"" + ProblemHandler.TYPE_BASE + "malformed-request\",\"title\":\"Malformed request\","
                            + "\"status\":" + status + ",\"detail\":\"The request line or its headers could not be read"
                            + " (an escape that is not UTF-8, an encoded slash, or a line too long).\","
                            + "\"field\":\"request-line\"}");
                    w.flush();
                }
            } catch (IOException | IllegalStateException e) {
                // the connection is gone; nothing more can be said
            }
        }
    }
}
