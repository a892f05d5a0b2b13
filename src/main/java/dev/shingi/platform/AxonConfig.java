package dev.shingi.platform;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import java.time.Clock;

/**
 * Axon set up for a ledger that must be readable for decades: JSON (Jackson) for every stored message and token,
 * with an ObjectMapper of its own so that web settings never change what is stored.
 */
@Configuration
class AxonConfig {

    /** The one clock of the application; aggregates never read it, the edge stamps commands with it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    static ObjectMapper storageObjectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(new ParameterNamesModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    private static Serializer jackson() {
        return JacksonSerializer.builder().objectMapper(storageObjectMapper()).lenientDeserialization().build();
    }

    @Bean
    @Primary
    Serializer serializer() {
        return jackson();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer() {
        return jackson();
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
        return jackson();
    }

    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new DuplicateKeyResolver();
    }

    /**
     * Deliberation aggregates are read by every participant registration; keep them warm, on one node. Where several
     * nodes share the database ({@code shingi.deliberation-cache.enabled=false} in the postgres profile) a cached
     * copy can miss what another node stored: a write from it loses the race on the (aggregate, sequence) key and is
     * run again on fresh state, but a rule checked against it (an attendee "not registered") would refuse wrongly.
     */
    @Bean
    Cache deliberationCache(@Value("${shingi.deliberation-cache.enabled:true}") boolean enabled) {
        return enabled ? new WeakReferenceCache() : NoCache.INSTANCE;
    }

    /** Who recorded it, the request, the client's idempotency key and Axon's correlation ids go from command to events. */
    @Bean
    CorrelationDataProvider recordingMetadata() {
        return new SimpleCorrelationDataProvider(RecordingMetadata.KEYS);
    }

    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }
}
