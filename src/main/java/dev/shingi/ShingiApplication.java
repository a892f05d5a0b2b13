package dev.shingi;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

import java.util.Arrays;

@SpringBootApplication
@org.springframework.scheduling.annotation.EnableScheduling
public class ShingiApplication {
    /** Axon 4.12+ reports usage to AxonIQ's servers unless told not to; a ledger of deliberations does not phone home. */
    static final String AXON_UPDATE_CHECKER = "axoniq.update-checker.disabled";

    public static void main(String[] args) {
        if (System.getProperty(AXON_UPDATE_CHECKER) == null) { // an operator may still opt in with -D…=false
            System.setProperty(AXON_UPDATE_CHECKER, "true");
        }
        System.setProperty("disable-axoniq-console-message", "true"); // an advertisement in the log
        SpringApplicationBuilder app = new SpringApplicationBuilder(ShingiApplication.class);
        if (Arrays.stream(args).anyMatch(a -> a.equals("--rebuild") || a.equals("--verify") || a.equals("--verify-views")
                || a.startsWith("--export=") || a.startsWith("--import="))) {
            // work on a stopped application's data and exit: no web server, no demo
            app.web(WebApplicationType.NONE).properties("shingi.demo.enabled=false");
        }
        app.run(args);
    }
}
