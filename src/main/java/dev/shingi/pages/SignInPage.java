package dev.shingi.pages;

import dev.shingi.security.LoginThrottleFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page, in the reader's language like every other page (Spring Security's own page is English only);
 * Spring Security still checks the form it posts ({@code POST /login}, fields {@code username} and {@code password}).
 */
@Controller
class SignInPage {
    @GetMapping("/login")
    String signIn(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
                  Model model) {
        model.addAttribute("failed", error != null);
        model.addAttribute("signedOut", logout != null);
        return "login";
    }

    /**
     * Reached only by the sign-in throttle's forward of a held {@code POST /login}: too many failed tries, so the
     * page says how long to wait, with the throttle's 429. Posted to directly, there is nothing to show.
     */
    @PostMapping(LoginThrottleFilter.WAIT_PAGE)
    String throttled(HttpServletRequest request, HttpServletResponse response, Model model) {
        Object wait = request.getAttribute(LoginThrottleFilter.WAIT);
        response.setStatus(wait == null ? HttpServletResponse.SC_NOT_FOUND : 429);
        model.addAttribute("failed", false);
        model.addAttribute("signedOut", false);
        model.addAttribute("wait", wait);
        return "login";
    }
}
