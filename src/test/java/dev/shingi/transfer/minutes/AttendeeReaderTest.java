package dev.shingi.transfer.minutes;

import dev.shingi.deliberation.api.Role;
import dev.shingi.transfer.minutes.MinutesProposal.Participant;
import dev.shingi.transfer.minutes.MinutesProposal.Uncertain;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AttendeeReaderTest {

    @Test
    void meetingTenHasAChairEightMembersFiveObserverOrganisationsAndEightOfficials() {
        List<Uncertain> flags = new ArrayList<>();
        List<Participant> p = AttendeeReader.read(Stages.items("meeting-10").attendees(), flags);
        assertThat(p).hasSize(22);
        assertThat(p.get(0)).isEqualTo(new Participant("後藤", "主査", Role.CHAIR));
        assertThat(p).contains(new Participant("吉岡", "構成員", Role.MEMBER)); // 「吉岡」 and 「構成員」 on two lines
        assertThat(p).contains(new Participant("デジタル庁", null, Role.OBSERVER));
        assertThat(p).contains(new Participant("小川", "参事官（統括担当）", Role.SECRETARIAT));
        assertThat(p.get(21)).isEqualTo(new Participant("井上", "サイバーセキュリティ統括官室参事官補佐", Role.SECRETARIAT));
        assertThat(flags).isEmpty();
    }

    @Test
    void headingsInParenthesesAndAnOrganisationWithoutATitle() {
        List<Uncertain> flags = new ArrayList<>();
        List<Participant> p = AttendeeReader.read(Stages.items("heldout/cao-bosai-bukai").attendees(), flags);
        assertThat(p.subList(0, 2)).containsExactly(new Participant("松本", "部会長", Role.CHAIR),
                new Participant("若林", "部会長代理", Role.MEMBER));
        assertThat(p).contains(new Participant("中島", "政策統括官（防災担当）付企画官", Role.SECRETARIAT));
        assertThat(p).contains(new Participant("総務省消防庁", null, Role.SECRETARIAT));
        assertThat(flags).contains(new Uncertain(List.of(10, 10), "could not tell name from title in '総務省消防庁'",
                "attendee-name-title", List.of("総務省消防庁")));
    }

    private static List<Participant> read(String item, List<Uncertain> flags) {
        return AttendeeReader.read(SourceText.lines(item), flags);
    }

    @Test
    void aViceChairIsAMemberAndATitleWrittenBeforeTheNameKeepsItsWordsWhole() {
        List<Uncertain> flags = new ArrayList<>();
        List<Participant> p = read("委員：山田会長、佐藤副会長、高橋委員\n事務局：子ども政策課長 田中一郎、政策室市民協働推進担当 馬場麻衣子", flags);
        assertThat(p).containsExactly(new Participant("山田", "会長", Role.CHAIR), new Participant("佐藤", "副会長", Role.MEMBER),
                new Participant("高橋", "委員", Role.MEMBER), new Participant("田中一郎", "子ども政策課長", Role.SECRETARIAT),
                new Participant("馬場麻衣子", "政策室市民協働推進担当", Role.SECRETARIAT));
        assertThat(flags).isEmpty();
    }

    @Test
    void headedBlocksOfAffiliationTitleAndNameWithASpaceAndNoListenersOrCounts() {
        List<Uncertain> flags = new ArrayList<>();
        List<Participant> p = read("""
                【会長】
                 さくら学院大学教授 大河内 修
                【副会長】
                 民生委員児童委員協議会会長 片桐 尚子
                【委員】
                 • さくら商工会議所事務局長 鈴木 夕子
                 • 公募による市民 平川 美由紀
                【事務局】
                 • 青少年子ども部子ども政策課 課長 西田 勝己
                【傍聴人】
                 0名
                """, flags);
        assertThat(p).containsExactly(new Participant("大河内 修", "会長", Role.CHAIR),
                new Participant("片桐 尚子", "副会長", Role.MEMBER),
                new Participant("鈴木 夕子", "さくら商工会議所事務局長", Role.MEMBER),
                new Participant("平川 美由紀", "公募による市民", Role.MEMBER),
                new Participant("西田 勝己", "青少年子ども部子ども政策課課長", Role.SECRETARIAT));
        assertThat(flags).isEmpty();
    }

    @Test
    void namesKeptApartBySpacesMarksExplainedByANoteAndEveryMemberOfAnの各委員List() {
        assertThat(read("委員 青木真 石井和子\n事務局 人権推進課長 野口聡", new ArrayList<>())).containsExactly(
                new Participant("青木真", null, Role.MEMBER), new Participant("石井和子", null, Role.MEMBER),
                new Participant("野口聡", "人権推進課長", Role.SECRETARIAT));
        assertThat(read("◎江口隆裕、○大久保一郎、植松正博〔計3名〕\n(◎部会長、○副部会長)", new ArrayList<>())).containsExactly(
                new Participant("江口隆裕", "部会長", Role.CHAIR), new Participant("大久保一郎", "副部会長", Role.MEMBER),
                new Participant("植松正博", null, Role.MEMBER));
        assertThat(read("【出席委員】森本委員長、中川副委員長、たかはし、岡野の各委員(後藤副委員長は欠席)", new ArrayList<>()))
                .containsExactly(new Participant("森本", "委員長", Role.CHAIR), new Participant("中川", "副委員長", Role.MEMBER),
                        new Participant("たかはし", "委員", Role.MEMBER), new Participant("岡野", "委員", Role.MEMBER));
    }

    @Test
    void aNameInParenthesesAfterTheTitleAndASurnameTakenAtTwoCharactersIsFlagged() {
        List<Uncertain> flags = new ArrayList<>();
        assertThat(read("【議会事務局】庶務議事課主任(塚本志保)、佐野議事調査課長", flags)).containsExactly(
                new Participant("塚本志保", "庶務議事課主任", Role.SECRETARIAT),
                new Participant("佐野", "議事調査課長", Role.SECRETARIAT));
        assertThat(flags).extracting(Uncertain::code, Uncertain::args).containsExactly(
                org.assertj.core.groups.Tuple.tuple("attendee-name-guessed", List.of("佐野議事調査課長", "佐野")));
    }

    /** 「出席者：…」 of a 内閣官房 panel: advisers listed beside members, with no heading to say what they are. */
    @Test
    void aTitleThatDoesNotTellTheRoleLeavesItEmptyAndFlagged() {
        List<Uncertain> flags = new ArrayList<>();
        List<Participant> p = read("山田会長、伊藤特別委員、高橋参与、中村顧問、小林アドバイザー", flags);
        assertThat(p).containsExactly(new Participant("山田", "会長", Role.CHAIR),
                new Participant("伊藤", "特別委員", Role.MEMBER), new Participant("高橋", "参与", null),
                new Participant("中村", "顧問", null), new Participant("小林", "アドバイザー", null));
        assertThat(flags).extracting(Uncertain::code, Uncertain::args).containsExactly(
                org.assertj.core.groups.Tuple.tuple("role-unknown", List.of("高橋参与", "参与")),
                org.assertj.core.groups.Tuple.tuple("role-unknown", List.of("中村顧問", "顧問")),
                org.assertj.core.groups.Tuple.tuple("role-unknown", List.of("小林アドバイザー", "アドバイザー")));
    }

    /** An affiliation for a title with no heading: 「さくら学院大学教授 大河内 修」 is no official because of it. */
    @Test
    void anAffiliationWithoutAHeadingIsNoSecretariat() {
        List<Uncertain> flags = new ArrayList<>();
        List<Participant> p = read("さくら学院大学教授 大河内 修", flags);
        assertThat(p).containsExactly(new Participant("大河内 修", "さくら学院大学教授", null));
        assertThat(flags).extracting(Uncertain::code).containsExactly("role-unknown");
    }
}
