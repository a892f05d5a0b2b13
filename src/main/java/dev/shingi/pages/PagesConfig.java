package dev.shingi.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.lang.NonNull;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.util.UrlPathHelper;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The pages' language (Japanese or English: the reader's choice, kept in a cookie, else their browser's
 * Accept-Language) and the time slider's redirect to a shareable URL.
 */
@Configuration
class PagesConfig implements WebMvcConfigurer {
    static final String[] PAGE_PATHS = {"/", "/deliberations/**", "/comments/**", "/commitments/**", "/admin", "/admin/**"};
    static final Locale JAPANESE = Locale.JAPANESE;
    static final Locale ENGLISH = Locale.ENGLISH;

    private final Views views;

    PagesConfig(Views views) {
        this.views = views;
    }

    /** The pages speak Japanese or English; any other preference reads English. */
    static Locale supported(Locale locale) {
        return locale != null && JAPANESE.getLanguage().equals(locale.getLanguage()) ? JAPANESE : ENGLISH;
    }

    @Bean(name = DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("shingi-lang") {
            @Override
            @NonNull
            public Locale resolveLocale(@NonNull HttpServletRequest request) {
                return supported(super.resolveLocale(request));
            }

            // what the pages' templates read (RequestContextUtils): ?lang=und or a cookie of any other language is
            // English too, or a message looked up in a language without a bundle fails the page
            @Override
            @NonNull
            public org.springframework.context.i18n.LocaleContext resolveLocaleContext(@NonNull HttpServletRequest request) {
                org.springframework.context.i18n.LocaleContext resolved = super.resolveLocaleContext(request);
                return new org.springframework.context.i18n.SimpleTimeZoneAwareLocaleContext(supported(resolved.getLocale()),
                        resolved instanceof org.springframework.context.i18n.TimeZoneAwareLocaleContext t ? t.getTimeZone() : null);
            }

            @Override
            public void setLocaleContext(@NonNull HttpServletRequest request, HttpServletResponse response,
                                         org.springframework.context.i18n.LocaleContext context) {
                Locale locale = context == null ? null : context.getLocale();
                super.setLocaleContext(request, response, locale == null ? null
                        : new org.springframework.context.i18n.SimpleLocaleContext(supported(locale)));
            }
        };
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(request -> supported(request.getLocale()));
        return resolver;
    }

    @Override
    public void addInterceptors(@NonNull InterceptorRegistry registry) {
        LocaleChangeInterceptor language = new LocaleChangeInterceptor();
        language.setParamName("lang");
        language.setIgnoreInvalidLocale(true);
        registry.addInterceptor(language).addPathPatterns(PAGE_PATHS);
        registry.addInterceptor(new SliderRedirect(views)).addPathPatterns(PAGE_PATHS);
    }

    /**
     * The time slider is a plain GET form with local date-times ({@code atLocal}, and {@code knownAtLocal} behind the
     * "as recorded on" switch). This turns its submission into the page's URL with the API's parameters, e.g.
     * {@code ?at=2024-06-24T13:00+09:00}, so the address bar always holds a link that can be shared. Works without
     * JavaScript.
     */
    static final class SliderRedirect implements HandlerInterceptor {
        private static final Set<String> SLIDER = Set.of("atLocal", "knownAtLocal", "recorded", "now", "at", "knownAt",
                "afterEvent", "p");
        private final Views views;

        SliderRedirect(Views views) {
            this.views = views;
        }

        @Override
        public boolean preHandle(@NonNull HttpServletRequest request, @NonNull HttpServletResponse response,
                                 @NonNull Object handler) throws Exception {
            if (!"GET".equals(request.getMethod())
                    || (request.getParameter("atLocal") == null && request.getParameter("now") == null)) {
                return true;
            }
            StringJoiner query = new StringJoiner("&");
            if (request.getParameter("now") == null) {
                String atLocal = request.getParameter("atLocal");
                if (!Views.blank(atLocal)) {
                    query.add("at=" + Moment.encode(iso(views.local("at", atLocal))));
                }
                if (request.getParameter("recorded") != null) {
                    String knownAtLocal = request.getParameter("knownAtLocal");
                    String afterEvent = request.getParameter("afterEvent");
                    if (!Views.blank(knownAtLocal)) {
                        query.add("knownAt=" + Moment.encode(iso(views.local("knownAt", knownAtLocal))));
                    } else if (!Views.blank(afterEvent)) {
                        query.add("afterEvent=" + Moment.encode(afterEvent));
                    }
                }
            }
            request.getParameterMap().forEach((name, values) -> {
                if (!SLIDER.contains(name)) {
                    for (String v : values) {
                        query.add(Moment.encode(name) + "=" + Moment.encode(v));
                    }
                }
            });
            String path = request.getContextPath() + new UrlPathHelper().getPathWithinApplication(request);
            response.sendRedirect(query.length() == 0 ? path : path + "?" + query);
            return false;
        }

        private String iso(Instant instant) {
            return views.present().iso(instant);
        }
    }
}
