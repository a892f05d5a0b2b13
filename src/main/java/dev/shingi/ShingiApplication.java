package dev.shingi;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

import java.util.Arrays;

@SpringBootApplication
@org.springframework.scheduling.annotation.EnableScheduling
public class ShingiApplication {
    public static void main(String[] args) {
        SpringApplicationBuilder app = new SpringApplicationBuilder(ShingiApplication.class);
        if (Arrays.stream(args).anyMatch(a -> a.equals("--rebuild") || a.equals("--verify")
                || a.startsWith("--export=") || a.startsWith("--import="))) {
            // work on a stopped application's data and exit: no web server, no demo
            app.web(WebApplicationType.NONE).properties("shingi.demo.enabled=false");
        }
        app.run(args);
    }
}
