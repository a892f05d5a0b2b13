package dev.shingi.demo;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * On first start, when the ledger holds no event at all, records the reference deliberation through the command
 * gateway, exactly as a secretary's client would. {@code shingi.demo.enabled=false} turns it off. When several nodes
 * start at once on an empty shared database, the first to open the deliberation loads it and the others leave it be.
 */
@Component
@ConditionalOnProperty(name = "shingi.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoLoader implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);
    static final MetaData RECORDED_BY_DEMO = MetaData.with("recordedBy", "demo-loader");

    private final CommandGateway commands;
    private final EventStore eventStore;

    DemoLoader(CommandGateway commands, EventStore eventStore) {
        this.commands = commands;
        this.eventStore = eventStore;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (eventStore.createHeadToken() != null) {
            log.info("Ledger already holds events; the reference deliberation is not loaded again.");
            return;
        }
        var all = ReferenceDeliberation.commands();
        try {
            commands.sendAndWait(all.get(0), RECORDED_BY_DEMO);
        } catch (RuntimeException e) {
            if (!openedElsewhere(e)) {
                throw e;
            }
            log.info("Another node sharing the database is loading the reference deliberation; not loading it here.");
            return;
        }
        all.subList(1, all.size()).forEach(command -> commands.sendAndWait(command, RECORDED_BY_DEMO));
        log.info("Loaded the reference deliberation '{}' ({} commands).", ReferenceDeliberation.ID, all.size());
    }

    private static boolean openedElsewhere(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AggregateStreamCreationException) {
                return true;
            }
        }
        return false;
    }
}
