package dev.shingi.transfer.iso;

import dev.shingi.deliberation.api.DeliberationDetail;
import dev.shingi.deliberation.api.Participant;
import dev.shingi.deliberation.api.UnknownRecord;
import dev.shingi.edge.InvalidInput;
import dev.shingi.edge.RequestMetadata;
import dev.shingi.pages.PageOutsidePages;
import dev.shingi.security.AccessPolicy;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code /deliberations/{id}/import/table}: the secretariat uploads a comment table (ISO/IEC template or resolution log,
 * as {@code POST /api/deliberations/{id}/iso-comments} takes it) and reads the importer's report in its own
 * language: rows read, comments recorded and for whom, or every problem by row and column, nothing recorded.
 * It lives here, not in {@code pages}, because it needs the template's reader; {@link PageOutsidePages} gives it the
 * pages' layout and error pages. It takes what the API takes (CSV, XLSX, Markdown) and shows the report's flags —
 * commenters registered, dispositions left to the secretariat — in the reader's language.
 */
@Controller
@PageOutsidePages
class IsoTablePage {
    private final IsoImport importer;
    private final AccessPolicy access;
    private final RequestMetadata metadata;
    private final MessageSource messages;

    IsoTablePage(IsoImport importer, AccessPolicy access, RequestMetadata metadata, MessageSource messages) {
        this.importer = importer;
        this.access = access;
        this.metadata = metadata;
        this.messages = messages;
    }

    /** One problem of the table as the page shows it: row, column and reason in the reader's language. */
    record ProblemLine(Integer row, String column, String reason) {
    }

    @GetMapping("/deliberations/{id}/import/table")
    String form(@PathVariable String id, Model model) {
        access.requireSecretariat(id);
        return page(importer.deliberation(id), null, model);
    }

    @PostMapping("/deliberations/{id}/import/table")
    String upload(@PathVariable String id, @RequestParam(required = false) Integer version,
                  @RequestParam(required = false) MultipartFile file, Model model, Locale locale,
                  HttpServletRequest request, HttpServletResponse response) throws IOException {
        access.requireSecretariat(id);
        DeliberationDetail d = importer.deliberation(id);
        if (file == null || file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
            model.addAttribute("fileError", "tableImport.fileRequired");
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(d, version, model);
        }
        IsoImport.Upload upload = IsoController.upload(file.getBytes(), file.getOriginalFilename(), null);
        try {
            IsoImport.Imported done = importer.importTable(id, new IsoImport.Options(version, null, null), upload,
                    metadata.of(request));
            model.addAttribute("imported", done);
            model.addAttribute("commenters", commenters(done, d.participants()));
            model.addAttribute("flags", done.flags().stream().map(p -> say(p, locale)).toList());
        } catch (SameFile e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("sameFile", e.earlier);
        } catch (BadTable e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problems", e.problems.stream().map(p -> say(p, locale)).toList());
        } catch (InvalidInput | UnknownRecord e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("versionError", version == null ? "tableImport.versionRequired" : "tableImport.versionUnknown");
        }
        return page(d, version, model);
    }

    private ProblemLine say(BadTable.Problem p, Locale locale) {
        Column c = p.columnOf();
        String column = c == null ? null : messages.getMessage("tableImport.column." + c.name(), null, c.title, locale);
        Object[] args = p.args().toArray();
        if (p.code().equals("commenterCreated")) {
            args[2] = messages.getMessage("role." + args[2], null, locale); // the role in the reader's words
        }
        return new ProblemLine(p.row(), column, messages.getMessage("tableImport.problem." + p.code(), args, locale));
    }

    /** The participants the comments were recorded for, by name, in the order of their first row. */
    private static List<String> commenters(IsoImport.Imported done, List<Participant> participants) {
        Map<String, String> names = participants.stream()
                .collect(Collectors.toMap(Participant::participantId, Participant::name, (a, b) -> a));
        done.created().forEach(a -> names.putIfAbsent(a.participantId(), a.name()));
        Set<String> seen = new LinkedHashSet<>();
        done.comments().forEach(c -> seen.add(names.getOrDefault(c.authorId(), c.authorId())));
        return new ArrayList<>(seen);
    }

    private String page(DeliberationDetail d, Integer version, Model model) {
        model.addAttribute("deliberation", d.summary());
        model.addAttribute("vocabulary", importer.vocabulary(d.summary().deliberationId()));
        model.addAttribute("versions", d.summary().latestVersion() == null ? List.of()
                : java.util.stream.IntStream.rangeClosed(1, d.summary().latestVersion()).boxed().toList());
        model.addAttribute("version", version != null ? version : d.summary().latestVersion());
        return "import-table";
    }
}
