package dev.shingi.demo;

import dev.shingi.deliberation.api.*;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * ICT サイバーセキュリティ政策分科会（第10回）, 2024-06-24, as transcribed in shared/demo/meeting-10.md: who, when, which
 * page and what was answered come from the public summary minutes; the texts are short paraphrases. Version 2 at the
 * end is ILLUSTRATIVE (the minutes end at the meeting) and is recorded with {@code illustrative = true}.
 */
public final class ReferenceDeliberation {
    public static final String ID = "ict-cyber-2024";
    public static final String MEETING_ID = "meeting-10";
    public static final String SECRETARY = "sato";

    private static final ZoneOffset JST = ZoneOffset.ofHours(9);

    private ReferenceDeliberation() {
    }

    static Instant jst(int month, int day, int hour, int minute) {
        return OffsetDateTime.of(2024, month, day, hour, minute, 0, 0, JST).toInstant();
    }

    public static String commentId(int n) {
        return ID + "-c" + n;
    }

    private record P(String id, String name, Role role, String title, String affiliation, boolean organisation) {
    }

    private static final List<P> PARTICIPANTS = List.of(
            new P("goto", "後藤", Role.CHAIR, "主査", null, false),
            new P("arai", "新井", Role.MEMBER, "構成員", null, false),
            new P("uehara", "上原", Role.MEMBER, "構成員", null, false),
            new P("kurihara", "栗原", Role.MEMBER, "構成員", null, false),
            new P("koyama", "小山", Role.MEMBER, "構成員", null, false),
            new P("shinoda", "篠田", Role.MEMBER, "構成員", null, false),
            new P("tsuta", "蔦", Role.MEMBER, "構成員", null, false),
            new P("yoshioka", "吉岡", Role.MEMBER, "構成員", null, false),
            new P("moriai", "盛合", Role.MEMBER, "構成員", null, false),
            new P("nisc", "内閣官房内閣サイバーセキュリティセンター", Role.OBSERVER, "オブザーバー", "NISC", true),
            new P("cyber-prep", "内閣官房サイバー安全保障体制整備準備室", Role.OBSERVER, "オブザーバー", null, true),
            new P("digital-agency", "デジタル庁", Role.OBSERVER, "オブザーバー", null, true),
            new P("meti", "経済産業省", Role.OBSERVER, "オブザーバー", null, true),
            new P("j-lis", "地方公共団体情報システム機構", Role.OBSERVER, "オブザーバー", null, true),
            new P("yamauchi", "山内", Role.SECRETARIAT, "サイバーセキュリティ統括官", "総務省", false),
            new P("toyoshima", "豊嶋", Role.SECRETARIAT, "大臣官房審議官", "総務省", false),
            new P("ogawa", "小川", Role.SECRETARIAT, "参事官（統括担当）", "総務省", false),
            new P("sakai", "酒井", Role.SECRETARIAT, "参事官（政策担当）", "総務省", false),
            new P("sato", "佐藤", Role.SECRETARIAT, "企画官", "総務省", false),
            new P("michikata", "道方", Role.SECRETARIAT, "企画官", "総務省", false),
            new P("makino", "牧野", Role.SECRETARIAT, "統括補佐", "総務省", false),
            new P("inoue", "井上", Role.SECRETARIAT, "参事官補佐", "総務省", false));

    /** One row of the transcription's table: the comment, and the response (null for #18) with its commitment. */
    private record Row(int n, String by, Anchor anchor, CommentKind kind, String text, Disposition disposition,
                       String answer, CommitmentKind commitmentKind, String commitment) {
    }

    private static final List<Row> ROWS = List.of(
            new Row(1, "tsuta", Anchor.page(15), CommentKind.CHANGE_REQUEST,
                    "The Economic Security Promotion Act was amended this year, adding port transport (港湾運送) as a critical-infrastructure sector; mention it, e.g. in a footnote.",
                    Disposition.ACCEPTED, "We will add a footnote on the amendment.",
                    CommitmentKind.REVISE_DRAFT, "Footnote on the amendment of the Economic Security Promotion Act (港湾運送)"),
            new Row(2, "tsuta", Anchor.page(21), CommentKind.CHANGE_REQUEST,
                    "Beyond NOTICE, the IoT security-standard text should mention secure by design / secure by default / shift-left.",
                    Disposition.ACCEPTED, "We will add these concepts to the text.",
                    CommitmentKind.REVISE_DRAFT, "Add secure by design / secure by default / shift-left to the text"),
            new Row(3, "tsuta", Anchor.footnote(44, "40"), CommentKind.CHANGE_REQUEST,
                    "The AI security portal URL is a private company's domain; make clear it is a MIC-commissioned project.",
                    Disposition.ACCEPTED, "We will state that it is a project commissioned by MIC.",
                    CommitmentKind.REVISE_DRAFT, "State that the AI security portal is a joint/commissioned MIC project"),
            new Row(4, "tsuta", Anchor.NONE, CommentKind.QUESTION,
                    "A newspaper reported NISC will check ministries' vulnerabilities 24/7; consider whether to mention it (relates to 新NOTICE, CYXROSS).",
                    Disposition.NOTED, "This is still being designed at NISC; NICT can contribute.", null, null),
            new Row(5, "uehara", Anchor.pages(18, 19), CommentKind.CHANGE_REQUEST,
                    "新NOTICE should be presented as broader than IoT botnets (router vulnerabilities).",
                    Disposition.NOTED, "We will pursue it with the view that the same vulnerability serves many attacks.",
                    CommitmentKind.ACTION, "Pursue 新NOTICE with the view that the same vulnerability serves many attacks"),
            new Row(6, "uehara", Anchor.page(19), CommentKind.REMARK,
                    "Push cooperation with IoT makers and system integrators strongly.",
                    Disposition.NOTED, "We will expand the new NOTICE council with makers.",
                    CommitmentKind.ACTION, "Expand the new NOTICE council with makers"),
            new Row(7, "uehara", Anchor.page(24), CommentKind.CHANGE_REQUEST,
                    "DMARC/DNSSEC: go beyond adoption — visualise results for users/admins, raise DMARC policy stepwise, in guidelines.",
                    Disposition.ANSWERED, "The text was already written with this in mind.", null, null),
            new Row(8, "uehara", Anchor.page(29), CommentKind.CHANGE_REQUEST,
                    "Local governments: LG.JP migration lags, odd domains are abused; re-check that policies are really applied.",
                    Disposition.CONSIDERING, "We will consider measures with the bureaus concerned.",
                    CommitmentKind.CONSIDER, "Consider measures with the bureaus concerned"),
            new Row(9, "koyama", Anchor.page(52), CommentKind.QUESTION,
                    "Does 「国家安全保障戦略等」 include the ACD expert panel's output? Revise the policy once it is out.",
                    Disposition.DECLINED, "The wording stays; we will review the mid-term policy when the government's policy appears.",
                    CommitmentKind.ACTION, "Review the mid-term policy when the government's policy appears"),
            new Row(10, "yoshioka", Anchor.page(20), CommentKind.REMARK,
                    "NOTICE know-how is valuable well beyond IoT; but it needs substantial resources.",
                    Disposition.ANSWERED, "Covered; resources are addressed at p.41.", null, null),
            new Row(11, "goto", Anchor.page(26), CommentKind.CHANGE_REQUEST,
                    "Relate secure by default to SBOM and design-stage practice.",
                    Disposition.CONSIDERING, "We will consider reflecting it in the final text.",
                    CommitmentKind.CONSIDER, "Consider reflecting SBOM and design-stage practice in the final text"),
            new Row(12, "goto", Anchor.page(29), CommentKind.CHANGE_REQUEST,
                    "ISMAP fits local-government SaaS poorly; grow ISMAP-LIU and SaaS that many municipalities can use.",
                    Disposition.ACCEPTED, "We will describe the ISMAP-LIU direction.",
                    CommitmentKind.REVISE_DRAFT, "Describe the ISMAP-LIU direction"),
            new Row(13, "moriai", Anchor.footnote(13, "14"), CommentKind.EDITORIAL,
                    "The cited reference is very old; cite e.g. the CRYPTREC guideline on post-quantum cryptography.",
                    Disposition.ACCEPTED, "We will replace the citation.",
                    CommitmentKind.REVISE_DRAFT, "Replace the citation with the CRYPTREC post-quantum guideline"),
            new Row(14, "moriai", Anchor.footnote(11, "12"), CommentKind.EDITORIAL,
                    "A closing parenthesis is missing.",
                    Disposition.ACCEPTED, "We will fix the typo.",
                    CommitmentKind.REVISE_DRAFT, "Fix the missing closing parenthesis"),
            new Row(15, "arai", Anchor.NONE, CommentKind.CHANGE_REQUEST,
                    "Generative AI moves fast; state that trends will be tracked continuously to 2030.",
                    Disposition.CONSIDERING, "We will consider stating it more clearly.",
                    CommitmentKind.CONSIDER, "Consider stating more clearly that AI trends are tracked to 2030"),
            new Row(16, "goto", Anchor.section("おわりに"), CommentKind.CHANGE_REQUEST,
                    "Stress using primary data (CYNEX, CYXROSS, NOTICE) across fields such as disinformation and AI.",
                    Disposition.CONSIDERING, "We will consult the chair on the wording.",
                    CommitmentKind.CONSIDER, "Consult the chair on the wording about primary data"),
            new Row(17, "kurihara", Anchor.NONE, CommentKind.REMARK,
                    "Broadcasting: support such as CYDER and regional SECUNITY would help local stations.",
                    Disposition.NOTED, "We will work with industry bodies on training and awareness.",
                    CommitmentKind.ACTION, "Work with industry bodies on training and awareness for local broadcasters"),
            new Row(18, "shinoda", Anchor.NONE, CommentKind.ENDORSEMENT,
                    "International cooperation is described just right.", null, null, null, null));

    /** Every command of the reference deliberation, in the order a secretary would enter them. */
    public static List<Object> commands() {
        List<Object> c = new ArrayList<>();
        Instant opened = jst(6, 17, 10, 0);
        c.add(new OpenDeliberation(ID, "ICT サイバーセキュリティ政策の中期重点方針（案）",
                "ICT サイバーセキュリティ政策分科会（総務省）", opened));
        c.add(new SetVisibility(ID, true, opened)); // the minutes are public; so is the demo
        for (P p : PARTICIPANTS) {
            c.add(new RegisterParticipant(ID, p.id(), p.name(), p.role(), p.title(), p.affiliation(), p.organisation(), opened));
        }
        Instant start = jst(6, 24, 14, 0);
        c.add(new RecordMeeting(ID, MEETING_ID, 10, "ICT サイバーセキュリティ政策分科会（第10回）", start, jst(6, 24, 16, 0),
                "WEB開催", PARTICIPANTS.stream().map(P::id).toList(),
                List.of(new Material("資料10-1", "ICT サイバーセキュリティ政策の中期重点方針（案）"),
                        new Material("資料10-2", "ICT サイバーセキュリティ政策の中期重点方針（案）概要")),
                start));
        c.add(new PublishDraft(ID, 1, "ICT サイバーセキュリティ政策の中期重点方針（案）", "資料10-1", null, start));

        for (Row r : ROWS) {
            c.add(new RaiseComment(commentId(r.n()), ID, r.by(), 1, r.anchor(), r.kind(), r.text(), MEETING_ID,
                    jst(6, 24, 14, 5 + 3 * (r.n() - 1))));
        }
        for (Row r : ROWS) {
            if (r.disposition() == null) {
                continue; // #18 is an endorsement: no response needed, none given
            }
            List<NewCommitment> promised = r.commitmentKind() == null ? List.of()
                    : List.of(new NewCommitment(r.commitmentKind(), r.commitment(), SECRETARY, null));
            c.add(new RespondToComment(commentId(r.n()), commentId(r.n()) + "-r1", SECRETARY, r.disposition(), r.answer(),
                    promised, jst(6, 24, 15, 5 + 2 * (r.n() - 1))));
        }

        Instant revised = jst(7, 22, 10, 0);
        c.add(new CommitRevision(ID, 2, "ICT サイバーセキュリティ政策の中期重点方針（案）［例示の改訂版］", "資料11-1", null,
                "ILLUSTRATIVE EXAMPLE: a revision as the secretariat might commit it after the 10th meeting. "
                        + "The minutes end at the meeting; this version is not part of the record.",
                List.of("Footnote on the 2024 amendment of the Economic Security Promotion Act (p.15)",
                        "Secure by design / secure by default / shift-left added (p.21)",
                        "AI security portal described as a MIC-commissioned project (p.44, footnote 40)",
                        "Citation replaced with the CRYPTREC post-quantum guideline (p.13, footnote 14)",
                        "Missing parenthesis restored (p.11, footnote 12)"),
                List.of(fulfil(1, new Location(15, null, null)),
                        fulfil(2, new Location(21, null, null)),
                        fulfil(3, new Location(44, "40", null)),
                        fulfil(13, new Location(13, "14", null)),
                        fulfil(14, new Location(11, "12", null))),
                SECRETARY, true, revised));
        c.add(new ConcludeCommitment(commentId(11), Ids.commitment(commentId(11), 1), SECRETARY,
                "Accepted: SBOM and design-stage practice are reflected in v2 (illustrative example).", revised));
        return c;
    }

    private static Fulfilment fulfil(int comment, Location where) {
        return new Fulfilment(commentId(comment), Ids.commitment(commentId(comment), 1), where);
    }
}
