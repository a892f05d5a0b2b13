package dev.shingi.pages;

import dev.shingi.deliberation.api.InvalidField;
import dev.shingi.deliberation.api.RuleViolation;
import dev.shingi.deliberation.api.UnknownRecord;
import dev.shingi.edge.InvalidInput;
import dev.shingi.edge.ReadClock;
import dev.shingi.platform.Ledger;
import dev.shingi.edge.RequestMetadata;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

import java.time.Instant;
import java.util.Map;

/**
 * The write side of the pages: the same commands the REST controllers send, recorded the same way (stored, then
 * read-your-writes, with who-recorded-it metadata from the request). A refusal becomes an error on the form, next to
 * the field it concerns when there is one, in the page's language (messages {@code rule.<name>}).
 */
@Component
class Records {
    private final Ledger ledger;
    private final RequestMetadata metadata;
    private final Views views;
    private final ReadClock clock;

    Records(Ledger ledger, RequestMetadata metadata, Views views, ReadClock clock) {
        this.clock = clock;
        this.ledger = ledger;
        this.metadata = metadata;
        this.views = views;
    }

    /**
     * The command's occurredAt from a datetime-local field: as given, or the moment the request was received when
     * empty. Never in the future. A bad value is an error on {@code field}; the answer is then null.
     */
    Instant occurredAt(String given, String field, Instant received, BindingResult errors) {
        if (Views.blank(given)) {
            return received;
        }
        try {
            return clock.occurredAt(field, views.local(field, given), received);
        } catch (InvalidInput e) {
            errors.rejectValue(field, e.code() == null ? ReadClock.NOT_A_TIME : e.code(), e.getMessage());
            return null;
        }
    }

    /**
     * Records the command. Returns true when it was stored; otherwise the reason is on {@code errors}: a broken rule on
     * the field {@code ruleFields} names for it (or on the form as a whole), an unknown record on its field.
     */
    boolean record(Object command, HttpServletRequest request, BindingResult errors, Map<String, String> ruleFields) {
        return record(command, request, errors, ruleFields, rule -> { });
    }

    /** As {@link #record(Object, HttpServletRequest, BindingResult, Map)}, handing a broken rule to {@code refused} too. */
    boolean record(Object command, HttpServletRequest request, BindingResult errors, Map<String, String> ruleFields,
                   java.util.function.Consumer<RuleViolation> refused) {
        try {
            ledger.recordAndCatchUp(command, metadata.of(request));
            return true;
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof RuleViolation rule) {
                    refused.accept(rule);
                    reject(errors, ruleFields.get(rule.rule()), "rule." + rule.rule(), rule.getMessage());
                    return false;
                }
                if (t instanceof UnknownRecord unknown) {
                    reject(errors, ruleFields.get(unknown.field()), "unknown." + unknown.field(), unknown.getMessage());
                    return false;
                }
                if (t instanceof InvalidField invalid) {
                    String field = ruleFields.containsKey(invalid.rule()) ? ruleFields.get(invalid.rule())
                            : ruleFields.getOrDefault(invalid.field(), invalid.field());
                    reject(errors, field, "rule." + invalid.rule(), invalid.getMessage());
                    return false;
                }
                if (t instanceof InvalidInput invalid) {
                    reject(errors, ruleFields.get(invalid.field()), "invalid." + invalid.field(), invalid.getMessage());
                    return false;
                }
                if (t instanceof AggregateStreamCreationException) {
                    reject(errors, ruleFields.get("ledger.id-once"), "rule.ledger.id-once",
                            "A record with this id already exists.");
                    return false;
                }
                if (t instanceof ConcurrencyException) {
                    reject(errors, null, "rule.ledger.one-writer-per-record", "Another change was stored first.");
                    return false;
                }
            }
            throw e;
        }
    }

    private static void reject(BindingResult errors, String field, String code, String detail) {
        if (field != null && errors.getFieldType(field) != null) {
            errors.rejectValue(field, code, new Object[]{detail}, detail);
        } else {
            errors.reject(code, new Object[]{detail}, detail);
        }
    }
}
