package dev.shingi.deliberation;

import dev.shingi.deliberation.api.DeliberationEvent;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Which events every projection handles in order: those of one deliberation, so that a projection may rely on a
 * deliberation's earlier events (a participant's name before their comment), while different deliberations proceed in
 * parallel. The platform's processors take this policy as a bean; they know no deliberation type.
 */
@Configuration
public class Sequencing {

    public static final SequencingPolicy<EventMessage<?>> PER_DELIBERATION = event ->
            event.getPayload() instanceof DeliberationEvent e ? e.deliberationId() : event.getIdentifier();

    @Bean
    SequencingPolicy<EventMessage<?>> perDeliberation() {
        return PER_DELIBERATION;
    }
}
