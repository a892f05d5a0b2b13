package dev.shingi.platform;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Health {@code views}, part of {@code /actuator/health} and its readiness group: OUT_OF_SERVICE (503) while the
 * application starts — the demo is loaded before it is ready — and until the views have first caught up with the log,
 * so that a load balancer or a script sends no reader to pages that would show less than has been recorded. Once caught
 * up it stays UP: under steady writes the views are always a moment behind, and a rebuild an operator starts is told
 * to readers by its own notice (ReadModelRebuild), not by taking the node out of service.
 */
@Component("viewsHealthIndicator") // the health contributor "views"
class ViewsReadiness implements HealthIndicator {
    private final Ledger ledger;
    private volatile boolean started;
    private volatile boolean caughtUp;

    ViewsReadiness(Ledger ledger) {
        this.ledger = ledger;
    }

    @EventListener(ApplicationReadyEvent.class)
    void started() {
        started = true;
    }

    @Override
    public Health health() {
        if (!started) {
            return Health.outOfService().withDetail("views", "the application is starting").build();
        }
        if (!caughtUp) {
            caughtUp = ledger.projectionsCaughtUp();
        }
        return caughtUp ? Health.up().build()
                : Health.outOfService().withDetail("views", "catching up with the event log").build();
    }
}
