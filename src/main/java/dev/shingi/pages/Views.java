package dev.shingi.pages;

import dev.shingi.deliberation.api.AsOf;
import dev.shingi.edge.ReadClock;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * The read side of the pages: the moment a request asks for (the edge's {@link ReadClock}, the same rules as the
 * API's), and the {@code Find…} queries, sent through the query gateway like the REST controllers do.
 */
@Component
class Views {
    private final QueryGateway queries;
    private final ReadClock clock;
    private final ZoneId zone;

    Views(QueryGateway queries, ReadClock clock, @Value("${shingi.pages.zone:Asia/Tokyo}") ZoneId zone) {
        this.queries = queries;
        this.clock = clock;
        this.zone = zone;
    }

    Instant now() {
        return clock.now();
    }

    ZoneId zone() {
        return zone;
    }

    Moment present() {
        return new Moment(null, null, null, AsOf.now(now()), zone);
    }

    /** The moment of a page from its query parameters: the edge's one resolver, its 400s shown as a page. */
    Moment moment(String at, String knownAt, Long afterEvent) {
        ReadClock.Reading reading = clock.read(at, knownAt, afterEvent);
        return new Moment(reading.at(), reading.knownAt(), reading.afterEvent(), reading.asOf(), zone);
    }

    long headPosition() {
        return clock.headPosition();
    }

    /**
     * A few threads for the queries one page asks at once: the dashboard's lists are independent reads, and the
     * database answers two of them in about the time of one.
     */
    private final java.util.concurrent.ExecutorService parallel = java.util.concurrent.Executors.newFixedThreadPool(3,
            r -> {
                Thread t = new Thread(r, "pages-query");
                t.setDaemon(true);
                return t;
            });

    <R> java.util.concurrent.CompletableFuture<R> async(java.util.function.Supplier<R> read) {
        return java.util.concurrent.CompletableFuture.supplyAsync(read, parallel);
    }

    /** The answer of a read started with {@link #async}, with its own exception (e.g. an unknown record) unwrapped. */
    static <R> R join(java.util.concurrent.CompletableFuture<R> read) {
        try {
            return read.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    <R> R one(Object query, Class<R> type) {
        return queries.query(query, ResponseTypes.instanceOf(type)).join();
    }

    <R> List<R> list(Object query, Class<R> type) {
        return queries.query(query, ResponseTypes.multipleInstancesOf(type)).join();
    }

    /** The value of a datetime-local input ("2024-06-24T13:00", seconds optional) in the pages' zone. */
    Instant local(String field, String value) {
        return ReadClock.local(field, value, zone);
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
