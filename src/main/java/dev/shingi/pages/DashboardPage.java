package dev.shingi.pages;

import dev.shingi.deliberation.api.*;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A deliberation's dashboard: what is outstanding (open commitments with owner, due date and age; unanswered
 * comments), who raised and who answered what, and which pages of the draft drew comments. Long lists are paged.
 */
@Controller
class DashboardPage {
    static final int PAGE_SIZE = 50;
    /** A range anchor spanning more pages than this counts only on its first page (a "whole document" remark). */
    static final int WIDEST_RANGE = 30;

    private final Views views;
    private final Deliberations deliberations;
    private final Access access;

    DashboardPage(Views views, Deliberations deliberations, Access access) {
        this.views = views;
        this.deliberations = deliberations;
        this.access = access;
    }

    /** One member's line: what they raised and where it stands. */
    public record MemberLine(ParticipantRef member, int raised, int unanswered, int awaiting, int resolved, int answered,
                             int declined, int withdrawn, int noResponseNeeded) {
    }

    /** One responder's line: how many comments they answered, and how. */
    public record ResponderLine(ParticipantRef responder, int comments, Map<Disposition, Integer> byDisposition,
                                int commitments) {
        public int count(Disposition d) {
            return byDisposition.getOrDefault(d, 0);
        }
    }

    /** A page of a draft version and how many comments it drew. */
    public record PageCount(int version, int page, int comments) {
    }

    @GetMapping("/deliberations/{id}")
    String dashboard(@PathVariable String id, @ModelAttribute(binding = false) Moment moment,
                     @RequestParam(defaultValue = "1") int cp, @RequestParam(defaultValue = "1") int up, Model model) {
        access.requireRead(id);
        // the lists are independent reads: ask them at once, then the summary and versions meanwhile
        AsOf asOf = moment.asOf();
        var outstandingRead = views.async(() -> views.one(new FindOutstanding(id, asOf), Outstanding.class));
        var commentsRead = views.async(() -> views.list(new FindComments(id, asOf), CommentSummary.class));
        var answersRead = views.async(() -> views.one(new FindAnswers(id, asOf), Answers.class));
        Optional<DeliberationDetail> detail = deliberations.at(id, moment);
        DeliberationDetail present = moment.isNow() && detail.isPresent() ? detail.get() : deliberations.present(id);
        List<VersionSummary> presentVersions = deliberations.versions(id, views.present());
        model.addAttribute("deliberation", present.summary());
        model.addAttribute("slider", deliberations.slider(present, presentVersions, Map.of()));
        model.addAttribute("known", detail.isPresent());
        model.addAttribute("mayRaise", access.user() == null || access.mayAnswer(id) || access.mayActAs(id, access.user()));
        model.addAttribute("mayRevise", access.mayAnswer(id));
        model.addAttribute("mayManage", access.user() != null && access.mayAnswer(id));
        if (detail.isEmpty()) {
            return "dashboard";
        }
        List<VersionSummary> versions = moment.isNow() ? presentVersions : deliberations.versions(id, moment);
        Outstanding outstanding = Views.join(outstandingRead);
        List<CommentSummary> comments = Views.join(commentsRead);
        Answers answers = Views.join(answersRead);

        model.addAttribute("summary", detail.get().summary());
        model.addAttribute("meetings", detail.get().meetings());
        model.addAttribute("commitments", Paged.of(outstanding.commitments(), cp, PAGE_SIZE));
        model.addAttribute("overdue", outstanding.commitments().stream().filter(CommitmentSummary::overdue).count());
        model.addAttribute("unanswered", Paged.of(outstanding.comments(), up, PAGE_SIZE));
        model.addAttribute("members", members(comments));
        model.addAttribute("responders", responders(answers));
        List<PageCount> pages = pages(comments);
        model.addAttribute("pages", pages);
        model.addAttribute("pagesMax", pages.stream().mapToInt(PageCount::comments).max().orElse(1));
        model.addAttribute("unanchored", comments.stream().filter(c -> c.anchor() == null || c.anchor().pageFrom() == null).count());
        model.addAttribute("versions", versions);
        model.addAttribute("dispositions", Disposition.values());
        return "dashboard";
    }

    static List<MemberLine> members(List<CommentSummary> comments) {
        Map<String, ParticipantRef> who = new LinkedHashMap<>();
        Map<String, EnumMap<CommentStatus, Integer>> counts = new LinkedHashMap<>();
        Map<String, Integer> noResponseNeeded = new LinkedHashMap<>();
        for (CommentSummary c : comments) {
            who.putIfAbsent(c.author().id(), c.author());
            counts.computeIfAbsent(c.author().id(), k -> new EnumMap<>(CommentStatus.class)).merge(c.status(), 1, Integer::sum);
            if (!c.needsResponse() && c.status() == CommentStatus.OPEN) {
                noResponseNeeded.merge(c.author().id(), 1, Integer::sum);
            }
        }
        List<MemberLine> lines = new ArrayList<>();
        who.forEach((memberId, ref) -> {
            EnumMap<CommentStatus, Integer> n = counts.get(memberId);
            int quiet = noResponseNeeded.getOrDefault(memberId, 0);
            lines.add(new MemberLine(ref, sum(n.values()), n.getOrDefault(CommentStatus.OPEN, 0) - quiet,
                    n.getOrDefault(CommentStatus.AWAITING, 0), n.getOrDefault(CommentStatus.RESOLVED, 0),
                    n.getOrDefault(CommentStatus.ANSWERED, 0), n.getOrDefault(CommentStatus.DECLINED, 0),
                    n.getOrDefault(CommentStatus.WITHDRAWN, 0), quiet));
        });
        return lines;
    }

    static List<ResponderLine> responders(Answers answers) {
        List<ResponderLine> lines = new ArrayList<>();
        for (ResponderAnswers r : answers.byResponder()) {
            Set<String> comments = new HashSet<>();
            Map<Disposition, Integer> byDisposition = new EnumMap<>(Disposition.class);
            int commitments = 0;
            for (AnswerLine line : r.answered()) {
                comments.add(line.commentId());
                if (line.disposition() != null) {
                    byDisposition.merge(line.disposition(), 1, Integer::sum);
                }
                commitments += line.commitments().size();
            }
            lines.add(new ResponderLine(r.responder(), comments.size(), byDisposition, commitments));
        }
        return lines;
    }

    /** Comments per page of each draft version, in page order. */
    static List<PageCount> pages(List<CommentSummary> comments) {
        Map<Integer, TreeMap<Integer, Integer>> byVersion = new TreeMap<>();
        for (CommentSummary c : comments) {
            Anchor a = c.anchor();
            if (a == null || a.pageFrom() == null) {
                continue;
            }
            int last = a.pageTo() == null || a.pageTo() < a.pageFrom() || a.pageTo() - a.pageFrom() >= WIDEST_RANGE
                    ? a.pageFrom() : a.pageTo();
            TreeMap<Integer, Integer> pages = byVersion.computeIfAbsent(c.draftVersion(), v -> new TreeMap<>());
            for (int p = a.pageFrom(); p <= last; p++) {
                pages.merge(p, 1, Integer::sum);
            }
        }
        List<PageCount> counts = new ArrayList<>();
        byVersion.forEach((v, pages) -> pages.forEach((p, n) -> counts.add(new PageCount(v, p, n))));
        return counts;
    }

    private static int sum(Collection<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).sum();
    }
}
