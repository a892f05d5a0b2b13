package dev.shingi.transfer.minutes;

import dev.shingi.deliberation.api.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Roles from titles as real minutes write them; a title that does not tell the role gives none (never a guess). */
class TitlesTest {

    @Test
    void chairsAreTheHeadsOfTheBodyAndNotTheirDeputies() {
        for (String t : new String[]{"会長", "部会長", "分科会長", "座長", "委員長", "主査"}) {
            assertThat(Titles.roleOf(t)).as(t).isEqualTo(Role.CHAIR);
        }
        for (String t : new String[]{"副会長", "座長代理", "部会長代理", "会長職務代理者", "副委員長"}) {
            assertThat(Titles.roleOf(t)).as(t).isEqualTo(Role.MEMBER);
        }
    }

    @Test
    void membersObserversAndOfficials() {
        for (String t : new String[]{"委員", "構成員", "専門委員", "臨時委員", "特別委員"}) {
            assertThat(Titles.roleOf(t)).as(t).isEqualTo(Role.MEMBER);
        }
        assertThat(Titles.roleOf("オブザーバー")).isEqualTo(Role.OBSERVER);
        assertThat(Titles.roleOf("参考人")).isEqualTo(Role.OBSERVER);
        for (String t : new String[]{"事務局", "事務局（デジタル庁）", "担当", "企画官", "課長", "室長", "参事官（政策担当）",
                "サイバーセキュリティ統括官室企画官", "大臣官房審議官", "情報流通行政局長", "課長補佐", "人権推進課主事",
                "子ども政策課長", "危機管理監"}) {
            assertThat(Titles.roleOf(t)).as(t).isEqualTo(Role.SECRETARIAT);
        }
    }

    @Test
    void aTitleThatDoesNotTellTheRoleGivesNone() {
        for (String t : new String[]{"有識者", "参与", "顧問", "アドバイザー", "相談役", "幹事", "さくら学院大学教授",
                "株式会社みどり代表取締役", "メンバ"}) {
            assertThat(Titles.roleOf(t)).as(t).isNull();
        }
        assertThat(Titles.roleOf(null)).isNull();
    }

    @Test
    void aTitleOfUnknownRoleIsStillCutFromTheName() {
        assertThat(Titles.split("高橋参与")).isEqualTo(new Titles.NameAndTitle("高橋", "参与"));
        assertThat(Titles.split("中村顧問")).isEqualTo(new Titles.NameAndTitle("中村", "顧問"));
        assertThat(Titles.split("小林アドバイザー")).isEqualTo(new Titles.NameAndTitle("小林", "アドバイザー"));
        assertThat(Titles.split("伊藤特別委員")).isEqualTo(new Titles.NameAndTitle("伊藤", "特別委員"));
    }
}
