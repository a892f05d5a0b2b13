package dev.shingi.pages;

import dev.shingi.deliberation.api.AsOf;
import dev.shingi.deliberation.api.DeliberationDetail;
import dev.shingi.deliberation.api.FindTimeline;
import dev.shingi.deliberation.api.FindOutstanding;
import dev.shingi.deliberation.api.Outstanding;
import dev.shingi.deliberation.api.TimelineEntry;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Replay: the deliberation event by event in the order the ledger recorded them, each step showing what the ledger
 * showed right after that event ({@code afterEvent}), with the dashboard's counts. Step links work without script;
 * play/pause follows them on a timer.
 */
@Controller
class ReplayPage {
    /** Events listed under the current step: the ones just played. */
    static final int RECENT = 8;
    static final int[] SPEEDS = {3000, 1500, 700, 300};

    private final Views views;
    private final Deliberations deliberations;
    private final Access access;

    ReplayPage(Views views, Deliberations deliberations, Access access) {
        this.views = views;
        this.deliberations = deliberations;
        this.access = access;
    }

    @GetMapping("/deliberations/{id}/replay")
    String replay(@PathVariable String id, @ModelAttribute(binding = false) Moment moment,
                  @RequestParam(defaultValue = "false") boolean play, @RequestParam(defaultValue = "1500") int speed,
                  Model model) {
        access.requireRead(id);
        speed = Math.max(100, Math.min(10_000, speed));
        DeliberationDetail present = deliberations.present(id);
        AsOf everything = views.present().asOf();
        List<TimelineEntry> events = views.list(new FindTimeline(id, everything, null, null), TimelineEntry.class).stream()
                .sorted(Comparator.comparingLong(TimelineEntry::position)).toList();
        if (events.isEmpty()) {
            model.addAttribute("deliberation", present.summary());
            model.addAttribute("events", events);
            return "replay";
        }
        long position = moment.afterEvent() != null ? moment.afterEvent() : events.get(0).position();
        int step = 0; // index of the last event at or before the position
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).position() <= position) {
                step = i;
            }
        }
        boolean before = events.get(0).position() > position;
        Moment shown = new Moment(null, null, position, new AsOf(views.now(), position), moment.zone());
        Optional<DeliberationDetail> then = deliberations.at(id, shown);
        Outstanding outstanding = views.one(new FindOutstanding(id, shown.asOf()), Outstanding.class);

        model.addAttribute("deliberation", present.summary());
        model.addAttribute("events", events);
        model.addAttribute("step", before ? -1 : step);
        model.addAttribute("current", before ? null : events.get(step));
        List<TimelineEntry> recent = new ArrayList<>(before ? List.of() : events.subList(Math.max(0, step - RECENT + 1), step + 1));
        Collections.reverse(recent);
        model.addAttribute("recent", recent);
        model.addAttribute("first", events.get(0));
        model.addAttribute("last", events.get(events.size() - 1));
        model.addAttribute("previous", before || step == 0 ? null : events.get(step - 1));
        model.addAttribute("next", before ? events.get(0) : step + 1 < events.size() ? events.get(step + 1) : null);
        model.addAttribute("summary", then.map(DeliberationDetail::summary).orElse(null));
        model.addAttribute("outstanding", outstanding);
        model.addAttribute("replayMoment", shown);
        model.addAttribute("play", play);
        model.addAttribute("speed", speed);
        model.addAttribute("speeds", SPEEDS);
        return "replay";
    }
}
