package dev.shingi.transfer.minutes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shingi.edge.RequestMetadata;
import dev.shingi.security.AccessPolicy;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * /import/minutes: paste or upload the text of summary minutes, see the proposal with the source lines beside each
 * record and what the parser was unsure of highlighted, edit it if need be, and confirm to record it. For the
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
    private final ObjectMapper json;

    MinutesPage(MinutesImporter importer, AccessPolicy access, RequestMetadata metadata, ObjectMapper json) {
        this.importer = importer;
        this.access = access;
        this.metadata = metadata;
        this.json = json;
    }

    /** One proposed record with the source lines it was read from. */
    record Row(String kind, Object record, List<Integer> lines, String source, boolean uncertain) {
    }

    @GetMapping
    String form(Model model, HttpServletResponse response) {
        String refusal = refusal(response);
        if (refusal != null) {
            return refusal;
        }
        model.addAttribute("user", access.user());
        return "import-minutes";
    }

    @PostMapping("/preview")
    String preview(@RequestParam(required = false) String text, @RequestParam(required = false) MultipartFile file,
                   Model model, HttpServletResponse response) throws IOException {
        String refusal = refusal(response);
        if (refusal != null) {
            return refusal;
        }
        model.addAttribute("user", access.user());
        String source;
        try {
            byte[] bytes = file != null && !file.isEmpty() ? file.getBytes()
                    : text == null ? new byte[0] : text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            source = MinutesController.decode(bytes, null);
        } catch (MinutesController.NotReadable | org.springframework.web.HttpMediaTypeNotSupportedException e) {
            response.setStatus(400);
            model.addAttribute("error", e.getMessage());
            return "import-minutes";
        }
        MinutesProposal proposal = parser.parse(source);
        show(model, source, proposal, json.writerWithDefaultPrettyPrinter().writeValueAsString(proposal));
        return "import-minutes";
    }

    @PostMapping
    String confirm(@RequestParam String source, @RequestParam String proposal, @RequestParam String deliberationId,
                   @RequestParam(required = false) String title, @RequestParam(required = false) Integer draftVersion,
                   Model model, HttpServletRequest request, HttpServletResponse response) {
        String refusal = refusal(response);
        if (refusal != null) {
            return refusal;
        }
        model.addAttribute("user", access.user());
        model.addAttribute("deliberationId", deliberationId);
        model.addAttribute("title", title);
        model.addAttribute("draftVersion", draftVersion);
        MinutesProposal parsed;
        try {
            parsed = json.readValue(proposal, MinutesProposal.class);
        } catch (JsonProcessingException e) {
            response.setStatus(400);
            model.addAttribute("errors", List.of(new MinutesImporter.Problem("proposal", "is not a readable proposal: "
                    + e.getOriginalMessage())));
            show(model, source, parser.parse(source), proposal);
            return "import-minutes";
        }
        try {
            MinutesImporter.Imported done = importer.record(new MinutesImporter.ImportRequest(deliberationId.strip(),
                    title, draftVersion, parsed), metadata.of(request));
            return "redirect:/deliberations/" + done.deliberationId();
        } catch (MinutesImporter.Refused e) {
            response.setStatus(400);
            model.addAttribute("errors", e.problems());
        } catch (AccessDeniedException e) {
            response.setStatus(403);
            model.addAttribute("errors", List.of(new MinutesImporter.Problem("deliberationId", e.getMessage())));
        }
        show(model, source, parsed, proposal);
        return "import-minutes";
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

    private void show(Model model, String source, MinutesProposal p, String proposalJson) {
        String[] lines = source.split("\r\n|\r|\n", -1);
        List<Row> rows = new ArrayList<>();
        for (MinutesProposal.Comment c : p.comments()) {
            rows.add(row("comment", c, c.lines(), lines, p, c.author() == null));
        }
        for (MinutesProposal.Response r : p.responses()) {
            rows.add(row("response", r, r.lines(), lines, p, r.commentRef() == null || r.disposition() == null || r.responder() == null));
        }
        List<Row> unsure = new ArrayList<>();
        for (MinutesProposal.Uncertain u : p.uncertain()) {
            unsure.add(row("uncertain", u, u.lines(), lines, p, true));
        }
        model.addAttribute("source", source);
        model.addAttribute("proposal", p);
        model.addAttribute("proposalJson", proposalJson);
        model.addAttribute("rows", rows);
        model.addAttribute("unsure", unsure);
    }

    private static Row row(String kind, Object record, List<Integer> at, String[] lines, MinutesProposal p, boolean unsure) {
        StringBuilder s = new StringBuilder();
        if (at != null && at.size() == 2) {
            for (int i = Math.max(1, at.get(0)); i <= Math.min(lines.length, at.get(1)); i++) {
                s.append(i).append(": ").append(lines[i - 1].replace("\f", "")).append('\n');
            }
        }
        boolean flagged = unsure || (at != null && p.uncertain().stream().anyMatch(u -> u.lines().equals(at)));
        return new Row(kind, record, at, s.toString(), flagged);
    }
}
