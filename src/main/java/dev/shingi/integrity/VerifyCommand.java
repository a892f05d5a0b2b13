package dev.shingi.integrity;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** {@code --verify} on the command line: verify a stopped application's ledger, print the findings, exit 0 if clean. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class VerifyCommand implements ApplicationRunner {
    private final Verifier verifier;
    private final ApplicationContext context;

    VerifyCommand(Verifier verifier, ApplicationContext context) {
        this.verifier = verifier;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption("verify")) {
            return;
        }
        Verifier.Report report = verifier.verify();
        report.findings().forEach(f -> System.out.printf("%s %s #%d: %s%n", f.kind(), f.aggregate(), f.sequence(), f.detail()));
        System.out.printf("%s: %d events, %d aggregates, %d checkpoints%n", report.clean() ? "CLEAN" : "TAMPERED",
                report.events(), report.aggregates(), report.checkpoints());
        int code = report.clean() ? 0 : 3;
        System.exit(SpringApplication.exit(context, () -> code));
    }
}
