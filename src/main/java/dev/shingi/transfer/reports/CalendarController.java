package dev.shingi.transfer.reports;

import dev.shingi.deliberation.api.AsOf;
import dev.shingi.deliberation.api.DeliberationDetail;
import dev.shingi.deliberation.api.DeliberationSummary;
import dev.shingi.deliberation.api.DispositionEntry;
import dev.shingi.deliberation.api.FindDeliberation;
import dev.shingi.deliberation.api.FindDeliberations;
import dev.shingi.deliberation.api.FindDisposition;
import dev.shingi.deliberation.api.UnknownRecord;
import dev.shingi.edge.ReadClock;
import dev.shingi.security.AccessPolicy;
import io.swagger.v3.oas.annotations.Operation;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The commitments calendar: open commitments with a due date as iCalendar, per deliberation (optionally of one owner)
 * and per participant id across every deliberation the caller may read. Always as of now: a calendar shows what is
 * still to do.
 */
@RestController
class CalendarController {
    static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

    private final QueryGateway queries;
    private final ReadClock clock;
    private final AccessPolicy access;
    private final MessageSource messages;
    private final String publicUrl;

    CalendarController(QueryGateway queries, ReadClock clock, AccessPolicy access, MessageSource messages,
                       @org.springframework.beans.factory.annotation.Value("${shingi.public-url:}") String publicUrl) {
        this.publicUrl = publicUrl.replaceAll("/+$", "");
        this.queries = queries;
        this.clock = clock;
        this.access = access;
        this.messages = messages;
    }

    @GetMapping("/api/deliberations/{id}/commitments.ics")
    @Operation(summary = "Open commitments with due dates as an iCalendar feed (owner=participant id to narrow it)")
    ResponseEntity<byte[]> deliberation(@PathVariable String id, @RequestParam(required = false) String owner,
                                        @RequestParam(required = false) String lang,
                                        @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        Lang l = Lang.of(lang, acceptLanguage);
        access.requireRead(id);
        AsOf now = clock.current();
        DeliberationDetail detail = queries.query(new FindDeliberation(id, now),
                ResponseTypes.instanceOf(DeliberationDetail.class)).join();
        if (owner != null && detail.participants().stream().noneMatch(p -> p.participantId().equals(owner))) {
            throw new UnknownRecord("owner", "No participant '" + owner + "' in deliberation '" + id + "'.");
        }
        List<CommitmentsCalendar.Item> items = CommitmentsCalendar.open(entries(id, now), owner);
        String name = messages.getMessage("reports.ics.name", new Object[]{detail.summary().title()
                + (owner == null ? "" : " — " + owner)}, l.locale);
        return calendar(CommitmentsCalendar.write(name, items, threadUrl(), l, messages));
    }

    @GetMapping("/api/participants/{owner}/commitments.ics")
    @Operation(summary = "Open commitments with due dates owned by a participant id, across the deliberations the caller may read")
    ResponseEntity<byte[]> owner(@PathVariable String owner, @RequestParam(required = false) String lang,
                                 @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        Lang l = Lang.of(lang, acceptLanguage);
        AsOf now = clock.current();
        List<CommitmentsCalendar.Item> items = new ArrayList<>();
        boolean known = false;
        for (DeliberationSummary d : queries.query(new FindDeliberations(now),
                ResponseTypes.multipleInstancesOf(DeliberationSummary.class)).join()) {
            if (!access.canRead(d.deliberationId())) {
                continue;
            }
            DeliberationDetail detail = queries.query(new FindDeliberation(d.deliberationId(), now),
                    ResponseTypes.instanceOf(DeliberationDetail.class)).join();
            if (detail.participants().stream().anyMatch(p -> p.participantId().equals(owner))) {
                known = true;
                items.addAll(CommitmentsCalendar.open(entries(d.deliberationId(), now), owner));
            }
        }
        if (!known) {
            throw new UnknownRecord("owner", "No deliberation you may read has a participant '" + owner + "'.");
        }
        items.sort(Comparator.comparing((CommitmentsCalendar.Item i) -> i.commitment().dueDate())
                .thenComparing(i -> i.commitment().commitmentId()));
        String name = messages.getMessage("reports.ics.name", new Object[]{owner}, l.locale);
        return calendar(CommitmentsCalendar.write(name, items, threadUrl(), l, messages));
    }

    private List<DispositionEntry> entries(String id, AsOf now) {
        return queries.query(new FindDisposition(id, null, null, now),
                ResponseTypes.multipleInstancesOf(DispositionEntry.class)).join();
    }

    /**
     * The thread page of a comment at {@code shingi.public-url}, or, unset, at this server on localhost. Never at the
     * request's Host header: a feed a client can make point elsewhere would carry its links to whatever host it names.
     */
    private Function<String, URI> threadUrl() {
        String base = publicUrl;
        if (base.isEmpty()) {
            jakarta.servlet.http.HttpServletRequest request = ((org.springframework.web.context.request.ServletRequestAttributes)
                    org.springframework.web.context.request.RequestContextHolder.currentRequestAttributes()).getRequest();
            base = "http://localhost:" + request.getLocalPort() + request.getContextPath();
        }
        String root = base;
        return commentId -> URI.create(root + "/comments/" + commentId);
    }

    private static ResponseEntity<byte[]> calendar(String body) {
        return ResponseEntity.ok().contentType(CALENDAR).body(body.getBytes(StandardCharsets.UTF_8));
    }
}
