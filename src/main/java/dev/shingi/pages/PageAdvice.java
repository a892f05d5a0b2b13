package dev.shingi.pages;

import dev.shingi.deliberation.api.UnknownRecord;
import dev.shingi.edge.InvalidInput;
import dev.shingi.platform.ReadModelRebuild;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UrlPathHelper;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * What every page has: its moment (from {@code at}, {@code knownAt}, {@code afterEvent}), its language and the links
 * to switch it, who is signed in; and errors as pages in the reader's language, never as JSON (the API's
 * {@code ProblemHandler} answers for the API alone, this advice comes first for the pages, and for the pages that
 * live elsewhere: {@link PageOutsidePages}).
 */
@ControllerAdvice(basePackageClasses = PageAdvice.class, annotations = PageOutsidePages.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageAdvice {
    private static final Logger log = LoggerFactory.getLogger(PageAdvice.class);

    private final Views views;
    private final MessageSource messages;
    private final ReadModelRebuild rebuild;

    PageAdvice(Views views, MessageSource messages, ReadModelRebuild rebuild) {
        this.views = views;
        this.messages = messages;
        this.rebuild = rebuild;
    }

    @ModelAttribute("moment")
    Moment moment(@RequestParam(required = false) String at, @RequestParam(required = false) String knownAt,
                  @RequestParam(required = false) Long afterEvent) {
        return views.moment(at, knownAt, afterEvent);
    }

    @ModelAttribute
    void everyPage(HttpServletRequest request, Locale locale, Principal principal, Model model) {
        common(request, locale, principal, model);
    }

    private void common(HttpServletRequest request, Locale locale, Principal principal, Model model) {
        // while the views are rebuilt from the log, every page may show less than was recorded (an error page's "no
        // such deliberation" may only mean the rebuild has not reached it yet): say so (layout)
        model.addAttribute("rebuilding", rebuild.underWay().orElse(null));
        String path = new UrlPathHelper().getPathWithinApplication(request);
        model.addAttribute("path", path);
        // links are written as ctx + path: Thymeleaf's @{…} would ask the static-resource chain about each of the
        // hundreds of links of a long list (a classpath lookup per link), which was most of the dashboard's time
        model.addAttribute("ctx", request.getContextPath());
        model.addAttribute("lang", PagesConfig.supported(locale).getLanguage());
        model.addAttribute("words", new Words(messages, PagesConfig.supported(locale)));
        Map<String, String> switchTo = new LinkedHashMap<>();
        for (String lang : new String[]{"ja", "en"}) {
            StringJoiner q = new StringJoiner("&");
            request.getParameterMap().forEach((name, values) -> {
                if (!"lang".equals(name)) {
                    for (String v : values) {
                        q.add(Moment.encode(name) + "=" + Moment.encode(v));
                    }
                }
            });
            q.add("lang=" + lang);
            switchTo.put(lang, path + "?" + q);
        }
        model.addAttribute("langHref", switchTo);
        model.addAttribute("user", principal == null ? null : principal.getName());

    }

    @ExceptionHandler(UnknownRecord.class)
    ModelAndView unknown(UnknownRecord e, HttpServletRequest request, HttpServletResponse response, Principal principal) {
        return error(HttpStatus.NOT_FOUND, "error.notFound", detail("error.detail.unknown." + e.field(),
                "error.detail.unknown"), request, principal);
    }

    @ExceptionHandler(InvalidInput.class)
    ModelAndView invalid(InvalidInput e, HttpServletRequest request, Principal principal) {
        return error(HttpStatus.BAD_REQUEST, "error.invalidParameter", detail("error.detail." + e.code(),
                "error.detail.invalid", e.field()), request, principal);
    }

    /** An anonymous reader refused: to the sign-in page, and back here afterwards. */
    @ExceptionHandler(AuthenticationException.class)
    String signIn(HttpServletRequest request, HttpServletResponse response) {
        new HttpSessionRequestCache().saveRequest(request, response);
        return "redirect:/login";
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView denied(AccessDeniedException e, HttpServletRequest request, Principal principal) {
        return error(HttpStatus.FORBIDDEN, "error.forbidden", detail("error.detail.forbidden", null), request, principal);
    }

    /** A query parameter of the wrong type (a page number that is no number, a status that does not exist). */
    @ExceptionHandler(org.springframework.beans.TypeMismatchException.class)
    ModelAndView mismatch(org.springframework.beans.TypeMismatchException e, HttpServletRequest request, Principal principal) {
        String name = e instanceof org.springframework.web.method.annotation.MethodArgumentTypeMismatchException m
                ? m.getName() : e.getPropertyName();
        return error(HttpStatus.BAD_REQUEST, "error.invalidParameter", detail("error.detail.unreadable", null, name,
                String.valueOf(e.getValue())), request, principal);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView any(Exception e, HttpServletRequest request, Principal principal) throws Exception {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof UnknownRecord u) {
                return unknown(u, request, null, principal);
            }
            if (t instanceof InvalidInput i) {
                return invalid(i, request, principal);
            }
        }
        // a form maps its rules to fields; a rule no form expected still says which, in the reader's language
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof dev.shingi.deliberation.api.RuleViolation rule) {
                return error(HttpStatus.CONFLICT, "error.conflict", detail("rule." + rule.rule(), "error.detail.rule",
                        rule.rule()), request, principal);
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.springframework.beans.InvalidPropertyException) {
                // a form field the form has no place for: commitments[-1].kind, an index past any list
                return error(HttpStatus.BAD_REQUEST, "error.badRequest", detail("error.detail.badRequest", null),
                        request, principal);
            }
        }
        if (e instanceof ErrorResponse r && r.getStatusCode().is4xxClientError()) {
            return error(HttpStatus.valueOf(r.getStatusCode().value()), "error.badRequest",
                    detail("error.detail.badRequest", null), request, principal);
        }
        log.error("Page failed: {}", request.getRequestURI(), e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "error.internal", null, request, principal);
    }

    /**
     * An error's detail in the reader's language, from the bundles (message {@code key}, else {@code fallback}); the
     * exception's own English message is for the log and the API, never for a page.
     */
    private String detail(String key, String fallback, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        String said = messages.getMessage(key, args, null, locale);
        return said != null || fallback == null ? said : messages.getMessage(fallback, args, null, locale);
    }

    private ModelAndView error(HttpStatus status, String titleKey, String detail, HttpServletRequest request,
                               Principal principal) {
        ModelAndView page = new ModelAndView("page-error");
        page.setStatus(status);
        Locale locale = LocaleContextHolder.getLocale();
        org.springframework.ui.ExtendedModelMap model = new org.springframework.ui.ExtendedModelMap();
        common(request, locale, principal, model);
        page.addAllObjects(model);
        page.addObject("moment", views.present());
        page.addObject("status", status.value());
        page.addObject("errorTitle", messages.getMessage(titleKey, null, titleKey, locale));
        page.addObject("detail", detail);
        return page;
    }
}
