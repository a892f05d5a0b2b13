package dev.shingi.deliberation.api;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The readiness gate refused a revision (rule {@code revision.unresolved-items}): the items still unresolved, in
 * reference order. A revision that gives {@code override.reason} goes ahead and records the reason instead.
 */
public class UnresolvedItems extends RuleViolation {
    public static final String RULE = "revision.unresolved-items";

    private final transient List<UnresolvedItem> items;

    public UnresolvedItems(int version, List<UnresolvedItem> items) {
        super(RULE, "v" + version + " cannot be committed while " + items.size() + " item(s) on earlier versions are"
                + " unresolved (" + items.stream().map(UnresolvedItem::reference).collect(Collectors.joining(", "))
                + "): answer them, keep the commitments in 'fulfils', or give 'override.reason'.");
        this.items = List.copyOf(items);
    }

    public List<UnresolvedItem> items() {
        return items;
    }
}
