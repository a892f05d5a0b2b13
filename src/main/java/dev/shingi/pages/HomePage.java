package dev.shingi.pages;

import dev.shingi.deliberation.api.DeliberationSummary;
import dev.shingi.deliberation.api.FindDeliberations;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Home: every deliberation with what it still needs (unanswered comments, open and overdue commitments). */
@Controller
class HomePage {
    private final Views views;
    private final Access access;

    HomePage(Views views, Access access) {
        this.views = views;
        this.access = access;
    }

    @GetMapping("/")
    String home(@ModelAttribute(binding = false) Moment moment, Model model) {
        List<DeliberationSummary> deliberations = views.list(new FindDeliberations(moment.asOf()), DeliberationSummary.class)
                .stream().filter(d -> access.canRead(d.deliberationId())).toList();
        List<DeliberationSummary> present = moment.isNow() ? deliberations
                : views.list(new FindDeliberations(views.present().asOf()), DeliberationSummary.class);
        Instant first = present.stream()
                .map(DeliberationSummary::openedAt).min(Comparator.naturalOrder()).orElse(views.now());
        model.addAttribute("deliberations", deliberations);
        model.addAttribute("mayOpen", access.isAdmin());
        model.addAttribute("slider", new Slider(List.of(first.minus(Duration.ofDays(1)), views.now()), List.of(), Map.of()));
        return "home";
    }
}
