-- The event log is append-only at the database level: any UPDATE, DELETE or TRUNCATE of DomainEventEntry raises,
-- whoever runs it, the table's owner included (a trigger, unlike a REVOKE, also binds the owner). Corrections are new
-- events (DOMAIN.md: "nothing is edited in place"). Only a superuser or the owner who first drops or disables this
-- trigger can change stored events, and that is a visible, deliberate act (docs/operations.md).
CREATE FUNCTION shingi_refuse_event_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'DomainEventEntry is append-only: % is not allowed on stored events', TG_OP
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'Record a correcting event instead; the ledger never edits or deletes what it stored.';
END
$$;

CREATE TRIGGER domain_event_entry_no_update_or_delete
    BEFORE UPDATE OR DELETE ON DomainEventEntry
    FOR EACH ROW EXECUTE FUNCTION shingi_refuse_event_change();

CREATE TRIGGER domain_event_entry_no_truncate
    BEFORE TRUNCATE ON DomainEventEntry
    FOR EACH STATEMENT EXECUTE FUNCTION shingi_refuse_event_change();
