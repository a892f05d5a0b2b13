package dev.shingi.demo;

import dev.shingi.deliberation.api.*;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * ICT サイバーセキュリティ政策分科会（第10回）, 2024-06-24, as transcribed in shared/demo/meeting-10.md: who, when, which
 * page and what was answered come from the public summary minutes. The texts are short Japanese paraphrases of what
 * the minutes record (the transcription gives each gist in English; these are the team's Japanese renderings of those
 * gists, not quotations of the minutes), in the language the record was made in: the English pages show them as
 * recorded, untranslated. Version 2 at the end is ILLUSTRATIVE (the minutes end at the meeting) and is recorded with
 * {@code illustrative = true}.
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
                    "本年、経済安全保障推進法が改正され、基幹インフラの対象に港湾運送が追加された。脚注等で言及してはどうか。",
                    Disposition.ACCEPTED, "法改正について脚注で追記する。",
                    CommitmentKind.REVISE_DRAFT, "経済安全保障推進法の改正（港湾運送の追加）について脚注を追記"),
            new Row(2, "tsuta", Anchor.page(21), CommentKind.CHANGE_REQUEST,
                    "IoTのセキュリティ基準に関する記述では、NOTICEに加え、セキュア・バイ・デザイン、セキュア・バイ・デフォルト、シフトレフトの考え方にも言及すべき。",
                    Disposition.ACCEPTED, "これらの考え方を本文に追記する。",
                    CommitmentKind.REVISE_DRAFT, "セキュア・バイ・デザイン、セキュア・バイ・デフォルト、シフトレフトを本文に追記"),
            new Row(3, "tsuta", Anchor.footnote(44, "40"), CommentKind.CHANGE_REQUEST,
                    "AIセキュリティポータルのURLが民間企業のドメインになっている。総務省の委託事業であることを明確にすべき。",
                    Disposition.ACCEPTED, "総務省の委託事業であることを明記する。",
                    CommitmentKind.REVISE_DRAFT, "AIセキュリティポータルが総務省の委託事業であることを明記"),
            new Row(4, "tsuta", Anchor.NONE, CommentKind.QUESTION,
                    "NISCが各府省庁の脆弱性を24時間体制で確認するとの報道があった。新NOTICEやCYXROSSとの関係で言及するか検討してはどうか。",
                    Disposition.NOTED, "NISCにおいて制度を設計中であり、NICTとしても貢献できると考えている。", null, null),
            new Row(5, "uehara", Anchor.pages(18, 19), CommentKind.CHANGE_REQUEST,
                    "新NOTICEは、IoTボットネット対策にとどまらず、ルーター等の脆弱性への対策を含むより広い取組として示すべき。",
                    Disposition.NOTED, "同じ脆弱性が様々な攻撃に悪用されるという観点で取り組んでいく。",
                    CommitmentKind.ACTION, "同一の脆弱性が多様な攻撃に悪用されるとの観点で新NOTICEに取り組む"),
            new Row(6, "uehara", Anchor.page(19), CommentKind.REMARK,
                    "IoT機器メーカーやシステムインテグレーターとの連携を強力に進めてほしい。",
                    Disposition.NOTED, "新NOTICEの協議会へのメーカーの参加を拡大していく。",
                    CommitmentKind.ACTION, "新NOTICEの協議会へのメーカーの参加を拡大"),
            new Row(7, "uehara", Anchor.page(24), CommentKind.CHANGE_REQUEST,
                    "DMARCやDNSSECは導入にとどまらず、利用者・管理者への結果の可視化やDMARCポリシーの段階的な引上げをガイドライン等に盛り込むべき。",
                    Disposition.ANSWERED, "御指摘の点を念頭に置いて記載している。", null, null),
            new Row(8, "uehara", Anchor.page(29), CommentKind.CHANGE_REQUEST,
                    "地方公共団体ではLG.JPドメインへの移行が遅れ、紛らわしいドメインが悪用されている。ポリシーが実際に適用されているか改めて確認すべき。",
                    Disposition.CONSIDERING, "関係部局と連携して対策を検討する。",
                    CommitmentKind.CONSIDER, "関係部局と連携した対策の検討"),
            new Row(9, "koyama", Anchor.page(52), CommentKind.QUESTION,
                    "「国家安全保障戦略等」には、能動的サイバー防御に関する有識者会議の取りまとめも含まれるのか。取りまとめが出た際には方針を見直すべき。",
                    Disposition.DECLINED, "記載はこのままとし、政府の方針が示された際に中期重点方針を見直す。",
                    CommitmentKind.ACTION, "政府の方針が示された際に中期重点方針を見直す"),
            new Row(10, "yoshioka", Anchor.page(20), CommentKind.REMARK,
                    "NOTICEで得られた知見はIoTに限らず価値が高いが、それには相応のリソースが必要である。",
                    Disposition.ANSWERED, "御指摘の点は記載済みであり、リソースについては41ページで触れている。", null, null),
            new Row(11, "goto", Anchor.page(26), CommentKind.CHANGE_REQUEST,
                    "セキュア・バイ・デフォルトについて、SBOMや設計段階での取組と関連付けて記載してはどうか。",
                    Disposition.CONSIDERING, "最終版への反映を検討する。",
                    CommitmentKind.CONSIDER, "SBOMや設計段階の取組の最終版への反映を検討"),
            new Row(12, "goto", Anchor.page(29), CommentKind.CHANGE_REQUEST,
                    "ISMAPは地方公共団体向けのSaaSになじみにくい。ISMAP-LIUや、多くの自治体が利用できるSaaSを育てていくべき。",
                    Disposition.ACCEPTED, "ISMAP-LIUの方向性について記載する。",
                    CommitmentKind.REVISE_DRAFT, "ISMAP-LIUの方向性を記載"),
            new Row(13, "moriai", Anchor.footnote(13, "14"), CommentKind.EDITORIAL,
                    "引用されている文献が非常に古い。耐量子計算機暗号に関するCRYPTRECのガイドライン等を引用してはどうか。",
                    Disposition.ACCEPTED, "引用文献を差し替える。",
                    CommitmentKind.REVISE_DRAFT, "引用をCRYPTRECの耐量子計算機暗号ガイドラインに差替え"),
            new Row(14, "moriai", Anchor.footnote(11, "12"), CommentKind.EDITORIAL,
                    "閉じ括弧が抜けている。",
                    Disposition.ACCEPTED, "誤記を修正する。",
                    CommitmentKind.REVISE_DRAFT, "閉じ括弧の脱落を修正"),
            new Row(15, "arai", Anchor.NONE, CommentKind.CHANGE_REQUEST,
                    "生成AIは動きが速いので、2030年に向けて継続的に動向を注視していく旨を記載すべき。",
                    Disposition.CONSIDERING, "より明確に記載することを検討する。",
                    CommitmentKind.CONSIDER, "2030年に向けAIの動向を継続的に注視する旨をより明確に記載することを検討"),
            new Row(16, "goto", Anchor.section("おわりに"), CommentKind.CHANGE_REQUEST,
                    "偽・誤情報やAIなど様々な分野で、CYNEX、CYXROSS、NOTICEといった一次データを活用することを強調してほしい。",
                    Disposition.CONSIDERING, "記載ぶりについて主査と相談する。",
                    CommitmentKind.CONSIDER, "一次データの活用に関する記載ぶりを主査と相談"),
            new Row(17, "kurihara", Anchor.NONE, CommentKind.REMARK,
                    "放送分野では、CYDERや地域SECUNITYのような支援が地方局の助けになる。",
                    Disposition.NOTED, "業界団体と連携して研修や普及啓発に取り組む。",
                    CommitmentKind.ACTION, "地方放送局向けの研修・普及啓発に業界団体と連携して取り組む"),
            new Row(18, "shinoda", Anchor.NONE, CommentKind.ENDORSEMENT,
                    "国際連携に関する記載はちょうどよい。", null, null, null, null));

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
                "例示：第10回会合の後に事務局が確定しうる改訂の例。議事要旨は会合で終わっており、この版は記録の一部ではない。",
                List.of("経済安全保障推進法の2024年改正に関する脚注を追記（15ページ）",
                        "セキュア・バイ・デザイン、セキュア・バイ・デフォルト、シフトレフトを追記（21ページ）",
                        "AIセキュリティポータルを総務省の委託事業として記載（44ページ、脚注40）",
                        "引用をCRYPTRECの耐量子計算機暗号ガイドラインに差替え（13ページ、脚注14）",
                        "脱落していた閉じ括弧を補記（11ページ、脚注12）"),
                List.of(fulfil(1, new Location(15, null, null)),
                        fulfil(2, new Location(21, null, null)),
                        fulfil(3, new Location(44, "40", null)),
                        fulfil(13, new Location(13, "14", null)),
                        fulfil(14, new Location(11, "12", null))),
                SECRETARY, true, revised, null, new ReadinessOverride("例示の版のため、記録にない改訂は作らない。"
                        + "#12.1（ISMAP-LIUの方向性の記載）は議事要旨に反映の記録がなく、未対応のまま残している。")));
        c.add(new ConcludeCommitment(commentId(11), Ids.commitment(commentId(11), 1), SECRETARY,
                "反映済み：SBOMと設計段階の取組を第2版に反映（例示）。", revised));
        return c;
    }

    private static Fulfilment fulfil(int comment, Location where) {
        return new Fulfilment(commentId(comment), Ids.commitment(commentId(comment), 1), where);
    }
}
