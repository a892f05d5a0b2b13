package dev.shingi.transfer.reports;

import dev.shingi.deliberation.api.CommitmentStatus;
import dev.shingi.deliberation.api.CommitmentSummary;
import dev.shingi.deliberation.api.DispositionEntry;
import dev.shingi.deliberation.api.ResponseDetail;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.springframework.context.MessageSource;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Open commitments with a due date as an iCalendar feed (RFC 5545, written by ical4j: line folding at 75 octets,
 * TEXT escaping): one all-day VEVENT on the due date per commitment, UID {@code <commitment id>@shingi} so that a
 * calendar updates the same event when the feed changes, and DTSTAMP / LAST-MODIFIED = when the ledger last recorded
 * something about it (the comment, the response, the commitment), so that an unchanged commitment reads the same.
 */
final class CommitmentsCalendar {

    /** An open commitment with a due date, and what it answers. */
    record Item(CommitmentSummary commitment, ResponseDetail response, DispositionEntry entry) {
    }

    private CommitmentsCalendar() {
    }

    /** The open commitments with a due date among {@code entries}, of {@code owner} when not null, by due date. */
    static List<Item> open(List<DispositionEntry> entries, String owner) {
        List<Item> items = new ArrayList<>();
        for (DispositionEntry e : entries) {
            for (ResponseDetail r : e.responses()) {
                for (CommitmentSummary k : r.commitments()) {
                    // a due date beyond the year 9999 (stored before the ledger refused one) fits no iCalendar DATE
                    if (k.status() == CommitmentStatus.OPEN && k.dueDate() != null && k.dueDate().getYear() <= 9999
                            && k.dueDate().getYear() >= 1
                            && (owner == null || owner.equals(k.owner().id()))) {
                        items.add(new Item(k, r, e));
                    }
                }
            }
        }
        items.sort(Comparator.comparing((Item i) -> i.commitment().dueDate())
                .thenComparing(i -> i.commitment().commitmentId()));
        return items;
    }

    static String write(String name, List<Item> items, Function<String, URI> threadUrl, Lang lang, MessageSource messages) {
        DispositionTable.Text t = new DispositionTable.Text(messages, lang);
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Shingi//Commitments//" + lang.name()));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new XProperty("X-WR-CALNAME", name));
        for (Item i : items) {
            calendar.add(event(i, threadUrl, t));
        }
        return fold(calendar.toString());
    }

    /**
     * RFC 5545 §3.1: content lines SHOULD NOT exceed 75 octets; longer ones are folded with CRLF and a space. ical4j's
     * own FoldingWriter counts characters, so a line of Japanese (3 octets a character in UTF-8) came out at up to 225
     * octets; this folds by UTF-8 octets and never inside a character.
     */
    static String fold(String unfolded) {
        StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 20);
        for (String line : unfolded.split("\r\n")) {
            int octets = 0;
            int limit = 75;
            for (int i = 0; i < line.length(); ) {
                int cp = line.codePointAt(i);
                int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
                if (octets + size > limit) {
                    out.append("\r\n ");
                    octets = 1;
                    limit = 75;
                }
                out.appendCodePoint(cp);
                octets += size;
                i += Character.charCount(cp);
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    /**
     * RFC 5545 §3.3.11: a TEXT value holds no control character but HTAB, its line breaks escaped as {@code \\n}.
     * ical4j escapes LF (and CRLF) only, so a lone CR — which some calendars take for the end of the line — becomes a
     * line break first, and any other control character a space.
     */
    static String text(String value) {
        return value.replace("\r\n", "\n").replace('\r', '\n').replaceAll("[\\p{Cntrl}&&[^\t\n]]", " ");
    }

    private static VEvent event(Item i, Function<String, URI> threadUrl, DispositionTable.Text t) {
        CommitmentSummary k = i.commitment();
        var c = i.entry().comment();
        LocalDate due = k.dueDate();
        Instant changed = Stream.of(k.recordedAt(), i.response().recordedAt(), c.recordedAt())
                .filter(Objects::nonNull).max(Comparator.naturalOrder()).orElseThrow();
        VEvent event = new VEvent(false);
        event.add(new Uid(k.commitmentId() + "@shingi"));
        event.add(new DtStamp(changed));
        event.add(new LastModified(changed));
        event.add(new DtStart<>(due));
        event.add(new DtEnd<>(due.plusDays(1)));
        event.add(new Summary(text(k.reference() + " " + k.description())));
        event.add(new Description(text(String.join("\n",
                t.get("reports.ics.comment", c.reference(), DispositionTable.person(c.author()), c.anchorText(), c.text()),
                t.get("reports.ics.response", DispositionTable.person(i.response().responder()),
                        t.get("disposition." + i.response().disposition()), i.response().text()),
                t.get("reports.ics.commitment", t.get("commitmentKind." + k.kind()), k.owner().name(), due.toString())))));
        event.add(new Url(threadUrl.apply(c.commentId())));
        event.add(new Categories(k.kind().name()));
        event.add(ImmutableStatus.VEVENT_CONFIRMED);
        return event;
    }
}
