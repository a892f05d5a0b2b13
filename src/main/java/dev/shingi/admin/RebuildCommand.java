package dev.shingi.admin;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * {@code --rebuild} on the command line: rebuild every read model of the data directory, print progress, and exit.
 * Meant for a stopped application's data; see {@link dev.shingi.ShingiApplication#main}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RebuildCommand implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(RebuildCommand.class);
    static final String OPTION = "rebuild";

    private final Rebuild rebuild;
    private final ApplicationContext context;

    RebuildCommand(Rebuild rebuild, ApplicationContext context) {
        this.rebuild = rebuild;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (!args.containsOption(OPTION)) {
            return;
        }
        Rebuild.Progress done = rebuild.runToEnd(Duration.ofSeconds(1), p -> log.info(
                "rebuild: {}/{} events, {} events/s, ETA {} s", p.eventsDone(), p.eventsTotal(), p.eventsPerSecond(),
                p.etaSeconds()));
        System.out.printf("Rebuilt every read model: %d events at %.0f events/s%n", done.eventsTotal(), done.eventsPerSecond());
        System.exit(SpringApplication.exit(context, () -> 0));
    }
}
