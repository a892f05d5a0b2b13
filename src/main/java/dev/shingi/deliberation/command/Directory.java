package dev.shingi.deliberation.command;

import dev.shingi.deliberation.api.DeliberationOpened;
import dev.shingi.deliberation.api.DraftDocument;
import dev.shingi.deliberation.api.DraftPublished;
import dev.shingi.deliberation.api.ParticipantDirectory;
import dev.shingi.deliberation.api.VisibilityChanged;
import dev.shingi.deliberation.api.MeetingRecorded;
import dev.shingi.deliberation.api.ParticipantRegistered;
import dev.shingi.deliberation.api.RevisionCommitted;
import dev.shingi.deliberation.api.Role;
import dev.shingi.deliberation.api.RuleViolation;
import dev.shingi.deliberation.api.UnknownRecord;
import dev.shingi.deliberation.api.VersionDocuments;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the command side must know across aggregates: which deliberations, participants (with roles), meetings and draft
 * versions exist. Comment numbers are {@link CommentNumbers}'; which comment belongs where is {@link CommentRegister}'s.
 * <p>
 * A subscribing processor ("directory") keeps it in the same transaction as the events that change it, so a rule checked
 * against it is never behind the log. Facts here never change once recorded (a participant keeps its role, a version
 * its page count), so positive answers are cached per node, once the transaction that read them has committed
 * ({@link AfterCommit}); a miss always asks the database.
 */
@Component
@ProcessingGroup(Directory.PROCESSING_GROUP)
class Directory implements ParticipantDirectory, VersionDocuments {
    static final String PROCESSING_GROUP = "directory";

    private final JdbcTemplate jdbc;
    private final Map<String, Role> roles = new ConcurrentHashMap<>();
    private final Map<String, Draft> drafts = new ConcurrentHashMap<>();
    private final Set<String> deliberations = ConcurrentHashMap.newKeySet();
    private final Map<String, Instant> openings = new ConcurrentHashMap<>();
    private final Set<String> meetings = ConcurrentHashMap.newKeySet();

    /**
     * A draft version as far as rules care. {@code pageCount} is null when unknown; {@code documentSha256} names the
     * document it was published with (its text is drafttext's), null for a version without one.
     */
    record Draft(int version, Integer pageCount, String documentSha256) {
        boolean hasPage(int page) {
            return pageCount == null || page <= pageCount;
        }
    }

    Directory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(DeliberationOpened e) {
        jdbc.update("INSERT INTO directory_deliberation (deliberation_id, next_comment_number, opened_at) VALUES (?, 1, ?)",
                e.deliberationId(), e.occurredAt().toEpochMilli());
    }

    @EventHandler
    void on(VisibilityChanged e) {
        jdbc.update("UPDATE directory_deliberation SET publicly_readable = ? WHERE deliberation_id = ?",
                e.publiclyReadable(), e.deliberationId());
    }

    @Override
    public boolean exists(String deliberationId) {
        Integer n = jdbc.queryForObject(
                "SELECT COUNT(*) FROM directory_deliberation WHERE deliberation_id = ?", Integer.class, deliberationId);
        return n != null && n > 0;
    }

    @Override
    public boolean isPublic(String deliberationId) {
        List<Boolean> found = jdbc.queryForList(
                "SELECT publicly_readable FROM directory_deliberation WHERE deliberation_id = ?", Boolean.class,
                deliberationId);
        return !found.isEmpty() && Boolean.TRUE.equals(found.get(0));
    }

    @EventHandler
    void on(ParticipantRegistered e) {
        jdbc.update("INSERT INTO directory_participant (deliberation_id, participant_id, role) VALUES (?, ?, ?)",
                e.deliberationId(), e.participantId(), e.role().name());
    }

    @EventHandler
    void on(MeetingRecorded e) {
        jdbc.update("INSERT INTO directory_meeting (deliberation_id, meeting_id) VALUES (?, ?)",
                e.deliberationId(), e.meetingId());
    }

    @EventHandler
    void on(DraftPublished e) {
        insertDraft(e.deliberationId(), e.version(), e.pageCount(), e.document());
    }

    @EventHandler
    void on(RevisionCommitted e) {
        insertDraft(e.deliberationId(), e.version(), e.pageCount(), e.document());
    }

    private void insertDraft(String deliberationId, int version, Integer pageCount, DraftDocument document) {
        jdbc.update("INSERT INTO directory_draft (deliberation_id, version, page_count, document_sha256) "
                        + "VALUES (?, ?, ?, ?)", deliberationId, version, pageCount,
                document == null ? null : document.sha256());
    }

    /**
     * Rule time.after-opening: nothing of a deliberation is dated before it opened (the ledger would hold it at a
     * moment when, by its own record, the deliberation did not exist). {@code field} names the moment in the command.
     */
    void requireAfterOpening(String deliberationId, String field, Instant at) {
        Instant opened = openings.get(deliberationId);
        if (opened == null) {
            opened = jdbc.query("SELECT opened_at FROM directory_deliberation WHERE deliberation_id = ?",
                    rs -> rs.next() && rs.getObject(1) != null ? Instant.ofEpochMilli(rs.getLong(1)) : null, deliberationId);
            Instant found = opened;
            if (found != null) {
                AfterCommit.cache(() -> openings.put(deliberationId, found));
            }
        }
        Rules.requireNotBefore(opened, field, at);
    }

    void requireDeliberation(String deliberationId) {
        if (deliberations.contains(deliberationId)) {
            return;
        }
        if (!exists(deliberationId)) {
            throw new UnknownRecord("deliberationId", "No deliberation '" + deliberationId + "'.");
        }
        AfterCommit.cache(() -> deliberations.add(deliberationId));
    }

    @Override
    public Optional<Role> roleOf(String deliberationId, String participantId) {
        if (participantId == null) {
            return Optional.empty();
        }
        String key = deliberationId + '\u0000' + participantId;
        Role cached = roles.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        List<String> found = jdbc.queryForList(
                "SELECT role FROM directory_participant WHERE deliberation_id = ? AND participant_id = ?",
                String.class, deliberationId, participantId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Role role = Role.valueOf(found.get(0));
        AfterCommit.cache(() -> roles.put(key, role));
        return Optional.of(role);
    }

    /** The rule every answering, revising, concluding and waiving command shares. */
    void requireSecretariat(String deliberationId, String participantId, String field, String action) {
        Role role = roleOf(deliberationId, participantId).orElseThrow(() -> new RuleViolation(
                "participant.registered",
                field + " '" + participantId + "' is not a registered participant of deliberation '" + deliberationId + "'."));
        if (role != Role.SECRETARIAT) {
            throw new RuleViolation("participant.secretariat-only",
                    "Only secretariat participants " + action + "; '" + participantId + "' is " + role + ".");
        }
    }

    Optional<Draft> draft(String deliberationId, int version) {
        String key = deliberationId + '\u0000' + version;
        Draft cached = drafts.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        List<Draft> found = jdbc.query(
                "SELECT version, page_count, document_sha256 FROM directory_draft WHERE deliberation_id = ? AND version = ?",
                (rs, i) -> new Draft(rs.getInt(1), (Integer) rs.getObject(2), rs.getString(3)), deliberationId, version);
        found.forEach(d -> AfterCommit.cache(() -> drafts.put(key, d)));
        return found.stream().findFirst();
    }

    @Override
    public Optional<String> documentOf(String deliberationId, int version) {
        requireDeliberation(deliberationId);
        return Optional.ofNullable(draft(deliberationId, version).orElseThrow(() -> new UnknownRecord("version",
                "Deliberation '" + deliberationId + "' has no draft version " + version + ".")).documentSha256());
    }

    /** The highest version below {@code version}, if any: what a revision is based on. */
    Optional<Integer> previousVersion(String deliberationId, int version) {
        return Optional.ofNullable(jdbc.queryForObject(
                "SELECT MAX(version) FROM directory_draft WHERE deliberation_id = ? AND version < ?",
                Integer.class, deliberationId, version));
    }

    Optional<Integer> latestVersion(String deliberationId) {
        return Optional.ofNullable(jdbc.queryForObject(
                "SELECT MAX(version) FROM directory_draft WHERE deliberation_id = ?", Integer.class, deliberationId));
    }

    boolean hasMeeting(String deliberationId, String meetingId) {
        String key = deliberationId + '\u0000' + meetingId;
        if (meetings.contains(key)) {
            return true;
        }
        Integer n = jdbc.queryForObject(
                "SELECT COUNT(*) FROM directory_meeting WHERE deliberation_id = ? AND meeting_id = ?",
                Integer.class, deliberationId, meetingId);
        boolean found = n != null && n > 0;
        if (found) {
            AfterCommit.cache(() -> meetings.add(key));
        }
        return found;
    }

}
