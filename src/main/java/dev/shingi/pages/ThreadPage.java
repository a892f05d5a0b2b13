package dev.shingi.pages;

import dev.shingi.deliberation.api.CommentStatus;
import dev.shingi.deliberation.api.CommentThread;
import dev.shingi.deliberation.api.CommitmentStatus;
import dev.shingi.deliberation.api.CommitmentSummary;
import dev.shingi.deliberation.api.DeliberationDetail;
import dev.shingi.deliberation.api.FindThread;
import dev.shingi.deliberation.api.Meeting;
import dev.shingi.deliberation.api.Participant;
import dev.shingi.deliberation.api.ResponseDetail;
import dev.shingi.deliberation.api.VersionSummary;
import dev.shingi.edge.VersionComparisons;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One comment's thread: the comment and its anchor, every response in full, the commitments and the revision that
 * kept each, acknowledgements, corrections (old and new side by side), each with both of its times; and where the
 * comment's passage is in each later version that has a document (the re-anchoring report's status).
 */
@Controller
class ThreadPage {
    private final Views views;
    private final Deliberations deliberations;
    private final Access access;
    private final VersionComparisons comparisons;

    ThreadPage(Views views, Deliberations deliberations, Access access, VersionComparisons comparisons) {
        this.views = views;
        this.deliberations = deliberations;
        this.access = access;
        this.comparisons = comparisons;
    }

    @GetMapping("/comments/{commentId}")
    String thread(@PathVariable String commentId, @ModelAttribute(binding = false) Moment moment, Model model) {
        CommentThread present = views.one(new FindThread(commentId, views.present().asOf()), CommentThread.class);
        String deliberationId = present.comment().deliberationId();
        access.requireRead(deliberationId);
        CommentThread thread = present;
        if (!moment.isNow()) {
            try {
                thread = views.one(new FindThread(commentId, moment.asOf()), CommentThread.class);
            } catch (RuntimeException e) {
                if (!Deliberations.unknown(e)) {
                    throw e;
                }
                thread = null; // not raised, or not recorded, by then
            }
        }
        List<VersionSummary> versions = deliberations.versions(deliberationId, views.present());
        DeliberationDetail deliberation = deliberations.present(deliberationId);
        model.addAttribute("deliberation", deliberation.summary());
        model.addAttribute("slider", deliberations.slider(deliberation, versions, Map.of()));
        model.addAttribute("meetings", deliberation.meetings().stream().filter(m -> m.title() != null)
                .collect(Collectors.toMap(Meeting::meetingId, Meeting::title, (a, b) -> a)));
        model.addAttribute("illustrative", versions.stream().filter(VersionSummary::illustrative)
                .map(VersionSummary::version).collect(Collectors.toSet()));
        model.addAttribute("commentRef", present.comment().reference());
        model.addAttribute("thread", thread);
        if (thread != null) {
            Map<String, String> names = deliberation.participants().stream()
                    .collect(Collectors.toMap(Participant::participantId, Participant::name, (a, b) -> a));
            // where the comment's passage is in each later version with a document, as of the page's moment
            model.addAttribute("anchorings", comparisons.anchoringOf(thread.comment(), moment.asOf()));
            model.addAttribute("corrections", thread.corrections().stream().map(c -> CorrectionRow.of(c, names)).toList());
            model.addAttribute("actions", moment.isNow()
                    ? actions(thread, access.mayAnswer(deliberationId),
                              access.mayActAs(deliberationId, thread.comment().author().id()))
                    : Actions.NONE);
        }
        return "thread";
    }

    /** What can be done to the thread now; the forms live on their own pages. */
    public record Actions(boolean respond, boolean acknowledge, boolean withdraw, boolean reopen, boolean correct,
                          Set<String> resolvable) {
        static final Actions NONE = new Actions(false, false, false, false, false, Set.of());
    }

    /** What may be done to the thread now, by a reader who may answer (secretariat) or act as the commenter. */
    static Actions actions(CommentThread thread, boolean mayAnswer, boolean mayActAsAuthor) {
        CommentStatus status = thread.comment().status();
        if (status == CommentStatus.WITHDRAWN) {
            // a withdrawn comment's record can still be wrong, and the secretariat may still put it right
            return new Actions(false, false, false, false, mayAnswer, Set.of());
        }
        Set<String> open = thread.responses().stream().map(ResponseDetail::commitments).flatMap(List::stream)
                .filter(c -> c.status() == CommitmentStatus.OPEN).map(CommitmentSummary::commitmentId)
                .collect(Collectors.toSet());
        // OPEN after a response means it was reopened: there is no current answer to reopen
        boolean answered = status != CommentStatus.OPEN && !thread.responses().isEmpty();
        return new Actions(mayAnswer && status == CommentStatus.OPEN && thread.comment().needsResponse(),
                mayActAsAuthor && !thread.responses().isEmpty(), mayActAsAuthor,
                answered && (mayAnswer || mayActAsAuthor), mayAnswer, mayAnswer ? open : Set.of());
    }
}
