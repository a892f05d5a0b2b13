package dev.shingi.integrity;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code --verify} on the command line: verify a stopped application's ledger, print the findings, exit 0 if clean.
 * {@code --verify-views} (alone or with {@code --verify}): the read models too, every row recomputed from the log.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class VerifyCommand implements ApplicationRunner {
    static final String VIEWS = "verify-views";

    private final Verifier verifier;
    private final ApplicationContext context;

    VerifyCommand(Verifier verifier, ApplicationContext context) {
        this.verifier = verifier;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption("verify") && !args.containsOption(VIEWS)) {
            return;
        }
        Verifier.Report report = verifier.verify(args.containsOption(VIEWS));
        report.findings().forEach(f -> System.out.printf("%s %s #%d%s: %s%n", f.kind(), f.aggregate(), f.sequence(),
                f.position() == null ? "" : " at position " + f.position(), f.detail()));
        if (report.views() != null) {
            report.views().forEach(v -> System.out.printf("VIEW %s %s %s: %s%n", v.problem(), v.table(), v.rowKey(),
                    v.detail()));
        }
        System.out.printf("%s: %d events, %d aggregates, %d checkpoints%s%s%n", report.clean() ? "CLEAN" : "TAMPERED",
                report.events(), report.aggregates(), report.checkpoints(),
                report.witness() == null ? ", no witness configured"
                        : ", witness " + report.witness().file() + " (latest checkpoint "
                        + (report.witness().checkpoint() == null ? "none" : "#" + report.witness().checkpoint()) + ")",
                report.views() == null ? "" : ", " + report.views().size() + " view rows disagree");
        int code = report.clean() ? 0 : 3;
        System.exit(SpringApplication.exit(context, () -> code));
    }
}
