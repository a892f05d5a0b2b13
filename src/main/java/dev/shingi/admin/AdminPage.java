package dev.shingi.admin;

import dev.shingi.integrity.Verifier;
import dev.shingi.pages.PageOutsidePages;
import dev.shingi.security.AccessPolicy;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * {@code /admin}: the administrator's page for operating the ledger without the API's credentials: a backup (the
 * link is {@code GET /api/admin/export}, which the page's own session may read), the ledger's verification (what
 * {@code GET /api/admin/verify} answers, worded from the bundles) and a rebuild of the views with its progress (what
 * {@code POST /api/admin/rebuild} starts; the page reloads itself with the HTTP {@code Refresh} header until the
 * rebuild is done, with or without JavaScript).
 * <p>
 * It lives here, not in {@code pages}, because it needs the rebuild and the verifier, which the pages may not reach;
 * {@link PageOutsidePages} gives it the pages' layout and error pages. Admin only, as {@code /api/admin/**} is: an
 * anonymous reader is sent to sign in, anyone else gets the 403 page. The rebuild is started by a POST with the
 * page's CSRF token, like every form of the pages.
 */
@Controller
@PageOutsidePages
class AdminPage {
    /** Seconds between two reloads of the page while a rebuild runs. */
    static final int REFRESH_SECONDS = 2;

    private final Rebuild rebuild;
    private final Verifier verifier;
    private final AccessPolicy access;

    AdminPage(Rebuild rebuild, Verifier verifier, AccessPolicy access) {
        this.rebuild = rebuild;
        this.verifier = verifier;
        this.access = access;
    }

    @GetMapping("/admin")
    String page(Model model, HttpServletResponse response) {
        access.requireAdmin();
        return show(model, response);
    }

    /** A read, so a GET: the button is a form of its own, and the address can be opened again to verify again. */
    @GetMapping("/admin/verify")
    String verify(Model model, HttpServletResponse response) {
        access.requireAdmin();
        model.addAttribute("report", verifier.verify());
        return show(model, response);
    }

    @PostMapping("/admin/rebuild")
    String startRebuild() {
        access.requireAdmin();
        rebuild.start(); // a rebuild already under way goes on; the page shows it
        return "redirect:/admin/rebuild";
    }

    @GetMapping("/admin/rebuild")
    String rebuildProgress(Model model, HttpServletResponse response) {
        access.requireAdmin();
        return show(model, response);
    }

    private String show(Model model, HttpServletResponse response) {
        Rebuild.Progress progress = rebuild.progress();
        if ("RUNNING".equals(progress.state())) {
            response.setHeader("Refresh", Integer.toString(REFRESH_SECONDS));
        }
        model.addAttribute("progress", progress);
        return "admin";
    }
}
