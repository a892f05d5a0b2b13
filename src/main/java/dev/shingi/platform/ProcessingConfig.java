package dev.shingi.platform;

import dev.shingi.deliberation.api.DeliberationEvent;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every projection is a pooled streaming processor on the durable token store; the command side's directory is the
 * one subscribing processor. Events are handled in order per deliberation, so a projection may rely on a deliberation's
 * earlier events (a participant's name before their comment) while different deliberations proceed in parallel.
 */
@Configuration
class ProcessingConfig {

    static final SequencingPolicy<EventMessage<?>> PER_DELIBERATION = event ->
            event.getPayload() instanceof DeliberationEvent e ? e.deliberationId() : event.getIdentifier();

    @Bean
    ConfigurerModule processors(@Value("${shingi.processing.segments:2}") int segments,
                                @Value("${shingi.processing.batch-size:200}") int batchSize) {
        return configurer -> configurer.eventProcessing()
                .usingPooledStreamingEventProcessors((config, builder) -> builder
                        .initialSegmentCount(segments)
                        .batchSize(batchSize))
                .registerDefaultSequencingPolicy(c -> PER_DELIBERATION)
                .registerSubscribingEventProcessor("directory");
    }
}
