package dev.shingi.transfer.minutes;

import dev.shingi.edge.RequestMetadata;
import dev.shingi.security.AccessPolicy;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * /import/minutes: paste or upload the text of summary minutes, see the proposal with the source lines beside each
 * record and what the parser was unsure of highlighted with its reason, correct it in a form of ordinary fields
 * ({@link MinutesForm}), and confirm to record exactly what the form holds; the importer's problems come back beside
 * the fields they name. For the
 * secretariat (and admins); CSRF protected like every form of the pages. It sits here, not in {@code pages}, because it
 * needs the parser; like the pages it records only through the importer's ordinary commands.
 */
@Controller
@RequestMapping("/import/minutes")
class MinutesPage {
    private final MinutesParser parser = new MinutesParser();
    private final MinutesImporter importer;
    private final AccessPolicy access;
    private final RequestMetadata metadata;
    private final MessageSource messages;
    private final People people;

    MinutesPage(MinutesImporter importer, AccessPolicy access, RequestMetadata metadata, MessageSource messages,
                People people) {
        this.people = people;
        this.importer = importer;
        this.access = access;
        this.metadata = metadata;
        this.messages = messages;
    }

    /** The source lines of one proposed record, whether the parser was unsure of it, and why. */
    record Row(String kind, List<Integer> lines, String source, boolean uncertain, List<String> reasons) {
    }

    /** Spring grows a bound list to 256 entries at most; a long meeting's minutes have more participants and comments. */
    @InitBinder("form")
    void bindLongLists(WebDataBinder binder) {
        binder.setAutoGrowCollectionLimit(5_000);
    }

    @GetMapping
    String form(Model model, HttpServletResponse response) {
        String refusal = refusal(response);
        if (refusal != null) {
            return refusal;
        }
        model.addAttribute("user", access.user());
        model.addAttribute("targets", importer.targets());
        return "import-minutes";
    }

    /**
     * Reads the minutes; with {@code deliberationId} (one of {@link MinutesImporter#targets()}, chosen in the page's
     * select; blank for a new one) the attendees are matched against that deliberation's participants first, as the
     * API's {@code ?deliberationId=} does, and the confirmation form goes into it.
     */
    @PostMapping("/preview")
    String preview(@RequestParam(required = false) String text, @RequestParam(required = false) MultipartFile file,
                   @RequestParam(required = false) String deliberationId,
                   Model model, Locale locale, HttpServletResponse response) throws IOException {
        String refusal = refusal(response);
        if (refusal != null) {
            return refusal;
        }
        model.addAttribute("user", access.user());
        List<dev.shingi.deliberation.api.DeliberationSummary> targets = importer.targets();
        model.addAttribute("targets", targets);
        String into = deliberationId == null || deliberationId.isBlank() ? null : deliberationId.strip();
        if (into != null && targets.stream().noneMatch(d -> d.deliberationId().equals(into))) {
            response.setStatus(400); // not one the user may write: nothing is read against it
            model.addAttribute("error", messages.getMessage("minutes.target.unknown", new Object[]{into}, locale));
            return "import-minutes";
        }
        String source;
        try {
            byte[] bytes = file != null && !file.isEmpty() ? file.getBytes()
                    : text == null ? new byte[0] : text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            source = MinutesController.decode(bytes, null);
        } catch (MinutesController.NotReadable | org.springframework.web.HttpMediaTypeNotSupportedException e) {
            response.setStatus(400);
            model.addAttribute("error", e instanceof MinutesController.NotReadable n
                    ? messages.getMessage("minutes.notReadable." + n.type, null, e.getMessage(), locale) : e.getMessage());
            return "import-minutes";
        }
        People.Known known = people.known(into);
        MinutesProposal proposal = People.matched(parser.parse(source), known);
        model.addAttribute("deliberationId", into);
        show(model, source, proposal, MinutesForm.of(proposal), Map.of(), known, locale);
        return "import-minutes";
    }

    @PostMapping
    String confirm(@RequestParam String source, @ModelAttribute("form") MinutesForm form,
                   @RequestParam String deliberationId, @RequestParam(required = false) String title,
                   @RequestParam(required = false) Integer draftVersion,
                   Model model, Locale locale, HttpServletRequest request, HttpServletResponse response) {
        String refusal = refusal(response);
        if (refusal != null) {
            return refusal;
        }
        model.addAttribute("user", access.user());
        model.addAttribute("deliberationId", deliberationId);
        model.addAttribute("title", title);
        model.addAttribute("draftVersion", draftVersion);
        MinutesProposal edited = form.toProposal();
        List<MinutesImporter.Problem> problems = new ArrayList<>();
        // text that is no date, number or choice: refused before the importer sees a proposal with a hole in it
        form.unreadable.forEach((field, text) -> problems.add(MinutesImporter.Problem.of("proposal." + field,
                "unreadable", "'" + text + "' cannot be read here", text)));
        if (problems.isEmpty()) {
            try {
                MinutesImporter.Imported done = importer.record(new MinutesImporter.ImportRequest(deliberationId.strip(),
                        title, draftVersion, edited), metadata.of(request));
                return "redirect:/deliberations/" + done.deliberationId();
            } catch (MinutesImporter.Refused e) {
                response.setStatus(400);
                problems.addAll(e.problems());
            } catch (AccessDeniedException e) {
                response.setStatus(403);
                problems.add(MinutesImporter.Problem.of("deliberationId", "forbidden", e.getMessage()));
            }
        } else {
            response.setStatus(400);
        }
        model.addAttribute("errors", problems.stream().map(x -> new Shown(x.field(), say(x, locale))).toList());
        show(model, source, edited, form, fieldErrors(problems.stream()
                .map(x -> new Shown(x.field(), say(x, locale))).toList()), people.known(deliberationId.strip()), locale);
        return "import-minutes";
    }

    /**
     * The importer names a field of the proposal ({@code proposal.comments[2].author}); the form names it without the
     * {@code proposal.} ({@code comments[2].author}). Two problems of one field are one message.
     */
    static Map<String, String> fieldErrors(List<Shown> problems) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Shown p : problems) {
            String field = p.field() == null ? "" : p.field().startsWith("proposal.") ? p.field().substring(9) : p.field();
            out.merge(field, p.message(), (a, b) -> a + "; " + b);
        }
        return out;
    }

    /** A problem as the page shows it: the field it names, and what is wrong in the reader's language. */
    record Shown(String field, String message) {
    }

    /** A problem of the importer in the reader's language; one without a message of its own keeps its English. */
    private String say(MinutesImporter.Problem p, Locale locale) {
        if (p.code() == null) {
            return p.message();
        }
        return messages.getMessage("minutes.problem." + p.code(), p.args().toArray(), p.message(), locale);
    }

    /** Anonymous readers go to sign in; signed-in readers who are neither secretariat nor admin get a 403 page. */
    private String refusal(HttpServletResponse response) {
        if (access.user() == null) {
            return "redirect:/login";
        }
        try {
            importer.requirePreview(null);
            return null;
        } catch (AccessDeniedException | AuthenticationException e) {
            response.setStatus(403);
            return "import-minutes-forbidden";
        }
    }

    private void show(Model model, String source, MinutesProposal p, MinutesForm form, Map<String, String> fieldErrors,
                      People.Known known, Locale locale) {
        String[] lines = source.split("\r\n|\r|\n", -1);
        Function<MinutesProposal.Uncertain, String> say = u -> say(u, locale);
        List<Row> comments = new ArrayList<>();
        for (MinutesProposal.Comment c : p.comments()) {
            comments.add(row("comment", c.lines(), lines, p, c.author() == null, say));
        }
        List<Row> responses = new ArrayList<>();
        for (MinutesProposal.Response r : p.responses()) {
            responses.add(row("response", r.lines(), lines, p,
                    r.commentRef() == null || r.disposition() == null || r.responder() == null, say));
        }
        List<Row> unsure = new ArrayList<>();
        for (MinutesProposal.Uncertain u : p.uncertain()) {
            unsure.add(new Row("uncertain", u.lines(), source(u.lines(), lines), true, List.of(say.apply(u))));
        }
        List<String> people = new ArrayList<>();
        p.participants().forEach(x -> people.add(x.name()));
        // a name typed into the API's JSON, or still in the deliberation, stays choosable
        p.comments().forEach(c -> { if (c.author() != null && !people.contains(c.author())) people.add(c.author()); });
        p.responses().forEach(r -> { if (r.responder() != null && !people.contains(r.responder())) people.add(r.responder()); });
        List<List<PeopleMatcher.Person>> candidates = new ArrayList<>();
        for (MinutesProposal.Participant x : p.participants()) {
            // the deliberation's own first (ids an earlier import generated included), else everyone readable
            List<PeopleMatcher.Person> own = x.name() == null ? List.of()
                    : PeopleMatcher.match(x.name(), known.own(), true).candidates();
            candidates.add(x.name() == null ? List.of() : !own.isEmpty() ? own
                    : PeopleMatcher.match(x.name(), known.readable()).candidates());
        }
        model.addAttribute("candidates", candidates);
        model.addAttribute("roles", dev.shingi.deliberation.api.Role.values());
        model.addAttribute("source", source);
        model.addAttribute("proposal", p);
        model.addAttribute("form", form);
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("people", people);
        model.addAttribute("commentRefs", p.comments().stream().map(MinutesProposal.Comment::ref).toList());
        model.addAttribute("commentKinds", dev.shingi.deliberation.api.CommentKind.values());
        model.addAttribute("dispositions", dev.shingi.deliberation.api.Disposition.values());
        model.addAttribute("commitmentKinds", dev.shingi.deliberation.api.CommitmentKind.values());
        model.addAttribute("commentRows", comments);
        model.addAttribute("responseRows", responses);
        model.addAttribute("unsure", unsure);
    }

    /** The record's source lines; unsure when a field is missing or an entry of {@code uncertain} covers its lines. */
    private static Row row(String kind, List<Integer> at, String[] lines, MinutesProposal p, boolean missing,
                           Function<MinutesProposal.Uncertain, String> say) {
        List<String> reasons = new ArrayList<>();
        if (at != null && at.size() == 2) {
            for (MinutesProposal.Uncertain u : p.uncertain()) {
                List<Integer> l = u.lines();
                if (l != null && l.size() == 2 && l.get(0) <= at.get(1) && at.get(0) <= l.get(1)
                        && (u.reason() != null || u.code() != null)) {
                    reasons.add(say.apply(u));
                }
            }
        }
        return new Row(kind, at, source(at, lines), missing || !reasons.isEmpty(), reasons);
    }

    /** The numbered source lines {@code at} = [first, last]. */
    private static String source(List<Integer> at, String[] lines) {
        StringBuilder s = new StringBuilder();
        if (at != null && at.size() == 2) {
            for (int i = Math.max(1, at.get(0)); i <= Math.min(lines.length, at.get(1)); i++) {
                s.append(i).append(": ").append(lines[i - 1].replace("\f", "")).append('\n');
            }
        }
        return s.toString();
    }

    /**
     * A flag in the reader's language: the message of its code, an argument that names a role or a comment kind
     * shown by its label. A flag without a code (typed into the API's JSON) is shown as its reason was written.
     */
    private String say(MinutesProposal.Uncertain u, Locale locale) {
        if (u.code() == null) {
            return u.reason();
        }
        Object[] args = u.args().stream().map(a -> label(a, locale)).toArray();
        return messages.getMessage("minutes.flag." + u.code(), args, u.reason() == null ? u.code() : u.reason(), locale);
    }

    private String label(String arg, Locale locale) {
        for (String prefix : List.of("role.", "kind.", "minutes.join.")) {
            String label = messages.getMessage(prefix + arg, null, null, locale);
            if (label != null) {
                return label;
            }
        }
        return arg;
    }
}
