package dev.shingi.pages;

import dev.shingi.deliberation.api.DeliberationDetail;
import dev.shingi.deliberation.api.FindDeliberation;
import dev.shingi.deliberation.api.FindVersions;
import dev.shingi.deliberation.api.Meeting;
import dev.shingi.deliberation.api.UnknownRecord;
import dev.shingi.deliberation.api.VersionSummary;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.time.temporal.ChronoUnit;
import dev.shingi.deliberation.api.FindTimeline;
import dev.shingi.deliberation.api.TimelineEntry;

/** A deliberation as pages need it around their main content: what it was at the page's moment, and its slider. */
@Component
class Deliberations {
    private final Views views;

    Deliberations(Views views) {
        this.views = views;
    }

    /** The deliberation at the moment, or empty when it had not been opened (or recorded) by then. */
    Optional<DeliberationDetail> at(String id, Moment moment) {
        try {
            return Optional.of(views.one(new FindDeliberation(id, moment.asOf()), DeliberationDetail.class));
        } catch (RuntimeException e) {
            if (unknown(e) && !moment.isNow()) {
                present(id); // throws when it never existed: a 404, not an empty page
                return Optional.empty();
            }
            throw e;
        }
    }

    DeliberationDetail present(String id) {
        return views.one(new FindDeliberation(id, views.present().asOf()), DeliberationDetail.class);
    }

    List<VersionSummary> versions(String id, Moment moment) {
        return views.list(new FindVersions(id, moment.asOf()), VersionSummary.class);
    }

    static boolean unknown(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownRecord) {
                return true;
            }
        }
        return false;
    }

    /** At most this many notches: a deliberation of ten thousand comments gets a sample of its moments. */
    static final int MOST_NOTCHES = 400;

    private record Notches(long head, List<Instant> instants) {
    }

    private final Map<String, Notches> notchCache = new ConcurrentHashMap<>();

    /**
     * The slider of a deliberation's pages: its moments (as the ledger knows them now, so that one can step forward
     * from the past), from a day before it opened to now, with its meetings and versions as landmarks.
     */
    Slider slider(DeliberationDetail present, List<VersionSummary> presentVersions, Map<String, String> keep) {
        String id = present.summary().deliberationId();
        List<Slider.Mark> marks = new ArrayList<>();
        marks.add(new Slider.Mark("slider.opened", null, present.summary().openedAt()));
        for (Meeting m : present.meetings()) {
            Object n = m.number() != null ? m.number() : m.title();
            marks.add(new Slider.Mark("slider.meetingStart", n, m.startsAt()));
            if (m.endsAt() != null) {
                marks.add(new Slider.Mark("slider.meetingEnd", n, m.endsAt()));
            }
        }
        for (VersionSummary v : presentVersions) {
            marks.add(new Slider.Mark(v.illustrative() ? "slider.versionIllustrative" : "slider.version", v.version(),
                    v.occurredAt()));
        }
        marks.sort(Comparator.comparing(Slider.Mark::at));
        List<Instant> notches = new ArrayList<>();
        notches.add(present.summary().openedAt().minus(Duration.ofDays(1)));
        notches.addAll(moments(id));
        marks.forEach(m -> notches.add(m.at()));
        Instant now = views.now();
        notches.removeIf(t -> !t.isBefore(now));
        notches.add(now);
        // a notch is a whole minute (the slider's input has no seconds), rounded up so that it shows what happened in it
        List<Instant> distinct = notches.stream().map(Deliberations::ceilMinute).distinct().sorted().toList();
        return new Slider(sample(distinct), marks, keep);
    }

    /** When things happened in the deliberation, cached until the ledger records something new. */
    private List<Instant> moments(String id) {
        long head = views.headPosition();
        Notches cached = notchCache.get(id);
        if (cached != null && cached.head() == head) {
            return cached.instants();
        }
        List<Instant> instants = views.list(new FindTimeline(id, views.present().asOf(), null, null), TimelineEntry.class)
                .stream().map(TimelineEntry::occurredAt).toList();
        notchCache.put(id, new Notches(head, instants));
        return instants;
    }

    private static List<Instant> sample(List<Instant> all) {
        if (all.size() <= MOST_NOTCHES) {
            return all;
        }
        List<Instant> some = new ArrayList<>();
        double stride = (all.size() - 1) / (double) (MOST_NOTCHES - 1);
        for (int i = 0; i < MOST_NOTCHES; i++) {
            some.add(all.get((int) Math.round(i * stride)));
        }
        return some.stream().distinct().toList();
    }

    private static Instant ceilMinute(Instant t) {
        Instant down = t.truncatedTo(ChronoUnit.MINUTES);
        return down.equals(t) ? t : down.plus(Duration.ofMinutes(1));
    }

    Slider slider(String id, Map<String, String> keep) {
        return slider(present(id), versions(id, views.present()), keep);
    }
}
