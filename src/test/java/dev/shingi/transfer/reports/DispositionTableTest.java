package dev.shingi.transfer.reports;

import dev.shingi.deliberation.api.Anchor;
import dev.shingi.deliberation.api.CommentKind;
import dev.shingi.deliberation.api.CommentStatus;
import dev.shingi.deliberation.api.CommentSummary;
import dev.shingi.deliberation.api.CommitmentKind;
import dev.shingi.deliberation.api.CommitmentStatus;
import dev.shingi.deliberation.api.CommitmentSummary;
import dev.shingi.deliberation.api.DeliberationSummary;
import dev.shingi.deliberation.api.Disposition;
import dev.shingi.deliberation.api.DispositionEntry;
import dev.shingi.deliberation.api.Location;
import dev.shingi.deliberation.api.ParticipantRef;
import dev.shingi.deliberation.api.ResponseDetail;
import dev.shingi.deliberation.api.Role;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The disposition table's cells, in the order and the wording of each language, from hand-made disposition rows. */
class DispositionTableTest {
    static final Instant AT = Instant.parse("2024-06-24T05:00:00Z"); // 14:00 in Tokyo
    static final ParticipantRef SATO = new ParticipantRef("sato", "佐藤", Role.SECRETARIAT, "課長補佐");
    static final ParticipantRef SUZUKI = new ParticipantRef("suzuki", "Suzuki", Role.SECRETARIAT, null);
    static final ParticipantRef TANAKA = new ParticipantRef("tanaka", "田中", Role.MEMBER, "委員");
    static final DeliberationSummary DELIBERATION = deliberation("データ利活用検討会", "第3回の資料");
    static final DispositionTable.Moment NOW = new DispositionTable.Moment(AT, null, null);

    /** The bundles as Spring Boot reads them (UTF-8, no fallback to the system's locale). */
    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource m = new ResourceBundleMessageSource();
        m.setBasename("messages");
        m.setDefaultEncoding("UTF-8");
        m.setFallbackToSystemLocale(false);
        return m;
    }

    static DeliberationSummary deliberation(String title, String body) {
        return new DeliberationSummary("d1", title, body, AT, 3, 1, 2, 0, 2, 1, 0, 0, 3, 3);
    }

    static CommentSummary comment(String reference, ParticipantRef author, int version, String anchorText,
                                  CommentKind kind, String text, CommentStatus status, String proposedChange) {
        return new CommentSummary("c-" + reference, reference, "d1", author, version, Anchor.NONE, anchorText, kind,
                text, "m1", status, kind.needsResponse(), AT, AT, proposedChange);
    }

    static ResponseDetail response(ParticipantRef by, Disposition d, String text, CommitmentSummary... commitments) {
        return new ResponseDetail("r-" + text.length(), by, d, text, List.of(commitments), AT, AT);
    }

    static CommitmentSummary commitment(String reference, CommitmentKind kind, String description, ParticipantRef owner,
                                        LocalDate due, CommitmentStatus status, Integer version, Location where,
                                        String closingNote) {
        return new CommitmentSummary("k-" + reference, reference, "c1", "1", "r1", kind, description, owner, due, false,
                0, status, version, where, closingNote, AT, AT, null);
    }

    @Test
    void oneVersionInJapaneseHasTheTitleTheMomentTheNineHeadingsAndOneRowPerComment() {
        DispositionEntry entry = new DispositionEntry(
                comment("2-1", TANAKA, 2, "p.12", CommentKind.CHANGE_REQUEST, "表3の合計が合いません。",
                        CommentStatus.RESOLVED, null),
                List.of(response(SATO, Disposition.ACCEPTED, "修正します。",
                        commitment("2-1.1", CommitmentKind.REVISE_DRAFT, "表3を直す", SATO, LocalDate.of(2024, 7, 1),
                                CommitmentStatus.FULFILLED, 3, new Location(12, null, "4.2"), null))));

        DispositionTable t = DispositionTable.of(DELIBERATION, 2, 2, List.of(entry), Set.of(), java.util.Map.of(), java.util.Map.of(), NOW, Lang.JA, messages());

        assertThat(t.title()).isEqualTo("第2版に対する意見と考え方");
        assertThat(t.subtitle()).isEqualTo("データ利活用検討会 — 第3回の資料");
        assertThat(t.notes()).containsExactly("2024年6月24日 14:00 (Asia/Tokyo) 時点");
        assertThat(t.headings()).containsExactly("番号", "意見提出者", "該当箇所", "種別", "意見", "対応区分",
                "回答（考え方）", "対応事項", "反映箇所");
        assertThat(t.rows()).containsExactly(List.of("2-1", "田中 委員", "p.12", "修正意見", "表3の合計が合いません。", "反映",
                "佐藤 課長補佐: 修正します。", "2-1.1 案の修正: 表3を直す（担当: 佐藤、期限: 2024年7月1日、反映済み）",
                "2-1.1 v3 p.12 §4.2"));
        assertThat(t.lang()).isEqualTo(Lang.JA);
    }

    @Test
    void aRangeInEnglishNamesEachCommentsVersionEveryResponseAndWhereEachCommitmentWasKept() {
        DispositionEntry entry = new DispositionEntry(
                comment("1-2", SUZUKI, 1, "§4.2", CommentKind.QUESTION, "Why?", CommentStatus.AWAITING, null),
                List.of(response(SATO, Disposition.CONSIDERING, "We will look.",
                                commitment("1-2.1", CommitmentKind.CONSIDER, "Study it", SATO, LocalDate.of(2024, 8, 1),
                                        CommitmentStatus.OPEN, null, null, null)),
                        response(SUZUKI, Disposition.ACCEPTED, "We will change it.",
                                commitment("1-2.2", CommitmentKind.REVISE_DRAFT, "Change §4.2", SUZUKI, null,
                                        CommitmentStatus.FULFILLED, 2, new Location(null, null, null), "Done in v2"),
                                commitment("1-2.3", CommitmentKind.REVISE_DRAFT, "Cite the source", SUZUKI, null,
                                        CommitmentStatus.FULFILLED, 3, new Location(40, "7", null), null),
                                commitment("1-2.4", CommitmentKind.ACTION, "Ask the office", SUZUKI, null,
                                        CommitmentStatus.FULFILLED, null, null, null))));
        DispositionTable.Moment past = new DispositionTable.Moment(AT, "2024-06-25T09:00:00Z", 1234L);

        DispositionTable t = DispositionTable.of(DELIBERATION, 1, 3, List.of(entry), Set.of(3, 2), java.util.Map.of(), java.util.Map.of(), past, Lang.EN,
                messages());

        assertThat(t.title()).isEqualTo("Disposition of comments on v1–v3");
        assertThat(t.notes()).containsExactly("As of 2024-06-24 14:00 (Asia/Tokyo)",
                "As the ledger knew it at 2024-06-25T09:00:00Z",
                "As the ledger knew it right after event 1234",
                "v2 is an illustrative example: what it kept is shown to illustrate, it is not part of the record.",
                "v3 is an illustrative example: what it kept is shown to illustrate, it is not part of the record.");
        assertThat(t.headings()).containsExactly("No.", "Submitted by", "Location", "Kind", "Comment", "Disposition",
                "Response", "Commitments", "Reflected in");
        assertThat(t.rows()).containsExactly(List.of("1-2", "Suzuki", "v1 §4.2", "Question", "Why?", "Accepted",
                "[Considering] 佐藤 課長補佐: We will look.\n[Accepted] Suzuki: We will change it.",
                "1-2.1 Consider: Study it (owner: 佐藤, due 2024-08-01, Open)\n"
                        + "1-2.2 Revise the draft: Change §4.2 (owner: Suzuki, Fulfilled) — Done in v2\n"
                        + "1-2.3 Revise the draft: Cite the source (owner: Suzuki, Fulfilled)\n"
                        + "1-2.4 Action: Ask the office (owner: Suzuki, Fulfilled)",
                "1-2.2 v2 (illustrative)\n1-2.3 v3 p.40 fn.7 (illustrative)"));
    }

    @Test
    void withoutAResponseTheDispositionSaysWhetherOneIsAwaitedAndAWithdrawalOverridesAnyResponse() {
        List<DispositionEntry> entries = List.of(
                new DispositionEntry(comment("1", TANAKA, 1, "—", CommentKind.EDITORIAL, "Typo", CommentStatus.WITHDRAWN,
                        null), List.of(response(SATO, Disposition.NOTED, "Noted."))),
                new DispositionEntry(comment("2", TANAKA, 1, "p.3", CommentKind.CHANGE_REQUEST, "Too weak.",
                        CommentStatus.OPEN, "Say \"must\""), List.of()),
                new DispositionEntry(comment("3", SUZUKI, 1, "p.4", CommentKind.REMARK, "Good.", CommentStatus.OPEN,
                        null), List.of()));

        DispositionTable t = DispositionTable.of(deliberation("Panel", null), 1, 1, entries, Set.of(), java.util.Map.of(), java.util.Map.of(), NOW, Lang.EN,
                messages());

        assertThat(t.subtitle()).isEqualTo("Panel");
        assertThat(t.rows()).containsExactly(
                List.of("1", "田中 委員", "—", "Editorial", "Typo", "Withdrawn", "佐藤 課長補佐: Noted.", "", ""),
                List.of("2", "田中 委員", "p.3", "Change request", "Too weak.\nProposed change: Say \"must\"",
                        "Unanswered", "", "", ""),
                List.of("3", "Suzuki", "p.4", "Remark", "Good.", "No answer needed", "", "", ""));
    }

    @Test
    void theSameCommentInJapaneseWordsEveryCellFromTheJapaneseBundle() {
        DispositionEntry entry = new DispositionEntry(
                comment("1-5", TANAKA, 1, "§おわりに", CommentKind.QUESTION, "根拠は？", CommentStatus.AWAITING, "「必ず」とする"),
                List.of(response(SATO, Disposition.CONSIDERING, "検討します。"),
                        response(SATO, Disposition.DECLINED, "修正しません。",
                                commitment("1-5.1", CommitmentKind.ACTION, "説明会を開く", SATO, null,
                                        CommitmentStatus.WAIVED, null, null, "不要になった"))));

        DispositionTable t = DispositionTable.of(DELIBERATION, 1, 2, List.of(entry), Set.of(2), java.util.Map.of(), java.util.Map.of(),
                new DispositionTable.Moment(AT, null, 7L), Lang.JA, messages());

        assertThat(t.title()).isEqualTo("第1版〜第2版に対する意見と考え方");
        assertThat(t.notes()).containsExactly("2024年6月24日 14:00 (Asia/Tokyo) 時点", "記録の時点: 第7件の記録の直後",
                "第2版は例示です。反映状況は説明のためのもので、記録ではありません。");
        assertThat(t.rows()).containsExactly(List.of("1-5", "田中 委員", "v1 §おわりに", "質問", "根拠は？\n修正案: 「必ず」とする",
                "反映せず", "[検討] 佐藤 課長補佐: 検討します。\n[反映せず] 佐藤 課長補佐: 修正しません。",
                "1-5.1 案外の対応: 説明会を開く（担当: 佐藤、取りやめ） — 不要になった", ""));
    }
}
