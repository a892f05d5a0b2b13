package dev.shingi.pages;

import dev.shingi.deliberation.api.RuleViolation;
import dev.shingi.platform.ReadModelRebuild;
import org.axonframework.commandhandling.CommandExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.ModelAndView;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * A rule that no form maps to a field (a page that records outside {@code Records.record}, or a rule added after
 * the form) still reaches the reader as a 409 page saying the rule in the reader's language, not as a 500.
 */
class PageAdviceTest {
    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    private final PageAdvice advice;

    PageAdviceTest() {
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        advice = new PageAdvice(mock(Views.class), messages, mock(ReadModelRebuild.class));
    }

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void aRuleNoFormExpectedIsAConflictPageInJapanese() throws Exception {
        LocaleContextHolder.setLocale(Locale.JAPANESE);
        ModelAndView page = advice.any(wrapped(new RuleViolation("comment.withdrawn", "The comment was withdrawn")),
                new MockHttpServletRequest("POST", "/comments/c1/respond"), null);

        assertThat(page.getStatus().value()).isEqualTo(409);
        assertThat(page.getModel().get("errorTitle")).isEqualTo("記録できませんでした（審議の規則に反します）");
        assertThat(page.getModel().get("detail")).isEqualTo("この意見は取り下げられています。");
    }

    @Test
    void aRuleWithoutItsOwnMessageIsNamedInTheReadersLanguage() throws Exception {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        ModelAndView page = advice.any(new RuleViolation("some.future-rule", "English only"),
                new MockHttpServletRequest("POST", "/comments/c1/respond"), null);

        assertThat(page.getStatus().value()).isEqualTo(409);
        assertThat(page.getModel().get("errorTitle")).isEqualTo("Not recorded: a rule of the deliberation refuses it");
        assertThat((String) page.getModel().get("detail")).contains("some.future-rule").doesNotContain("English only");
    }

    private static RuntimeException wrapped(RuleViolation rule) {
        return new CommandExecutionException("command failed", rule, null);
    }
}
