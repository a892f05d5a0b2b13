package dev.shingi.platform;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Every projection is a tracking event processor on the durable token store (the command side registers its one
 * subscribing processor itself). Tracking rather than pooled: with the embedded event store a tracking processor is woken
 * the moment an event is committed on this node, while a pooled one polls every 500 ms (the store offers it no
 * availability callback), and clients wait for the projections after every command (read-your-writes). Events are
 * handled in order per deliberation, so a projection may rely on a deliberation's earlier events (a participant's name
 * before their comment) while different deliberations proceed in parallel.
 * <p>
 * Several nodes may share one database (PostgreSQL): each processor's segments are claimed in the token store by one
 * node at a time, under this node's {@link NodeId} (see {@link EventStoreConfig}). A node runs a thread per segment, so it can take every segment
 * over when the others are gone; {@link SegmentBalancer} hands segments to nodes that hold fewer.
 */
@Configuration
class ProcessingConfig {

    /**
     * {@code sequencing} is the domain's: which events must be handled in order (see
     * {@code dev.shingi.deliberation.Sequencing}); platform knows no domain type.
     */
    @Bean
    ConfigurerModule processors(SequencingPolicy<EventMessage<?>> sequencing,
                                @Value("${shingi.processing.segments:2}") int segments,
                                @Value("${shingi.processing.batch-size:200}") int batchSize,
                                @Value("${shingi.processing.token-claim-interval:1s}") Duration claimInterval) {
        return configurer -> configurer.eventProcessing()
                .usingTrackingEventProcessors()
                .registerTrackingEventProcessorConfiguration(config -> TrackingEventProcessorConfiguration
                        .forParallelProcessing(segments)
                        .andInitialSegmentsCount(segments)
                        .andBatchSize(batchSize)
                        .andTokenClaimInterval(claimInterval.toMillis(), TimeUnit.MILLISECONDS))
                .registerDefaultSequencingPolicy(c -> sequencing)
                // a read model must never skip an event it failed on: the processor retries the batch instead
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
    }
}
