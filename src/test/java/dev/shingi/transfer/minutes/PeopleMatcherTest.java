package dev.shingi.transfer.minutes;

import dev.shingi.transfer.minutes.PeopleMatcher.Certainty;
import dev.shingi.transfer.minutes.PeopleMatcher.Match;
import dev.shingi.transfer.minutes.PeopleMatcher.Person;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PeopleMatcherTest {
    static final Person SATO = new Person("sato", "佐藤", false);
    static final Person TSUTA = new Person("tsuta", "蔦", false);
    static final Person NISC = new Person("nisc", "内閣官房内閣サイバーセキュリティセンター", true);

    @Test
    void oneSamePersonWithExactlyTheNameIsSure() {
        Match m = PeopleMatcher.match("蔦", List.of(TSUTA, SATO, TSUTA));
        assertThat(m.certainty()).isEqualTo(Certainty.SURE);
        assertThat(m.sureId()).contains("tsuta");
        assertThat(PeopleMatcher.match("内閣官房内閣サイバーセキュリティセンター", List.of(NISC)).sureId()).contains("nisc");
    }

    @Test
    void widthAndSpacesDoNotMakeAnotherName() {
        assertThat(PeopleMatcher.match("佐藤　太郎", List.of(new Person("taro", "佐藤 太郎", false))).sureId()).contains("taro");
    }

    @Test
    void theSameNameHeldByTwoPeopleIsUnsureWithBoth() {
        Match m = PeopleMatcher.match("佐藤", List.of(SATO, new Person("sato2", "佐藤", false)));
        assertThat(m.certainty()).isEqualTo(Certainty.UNSURE);
        assertThat(m.candidates()).extracting(Person::participantId).containsExactly("sato", "sato2");
    }

    @Test
    void theSameFamilyNameWithAnotherOrNoGivenNameIsUnsure() {
        Person jiro = new Person("jiro", "佐藤 次郎", false);
        assertThat(PeopleMatcher.match("佐藤 太郎", List.of(jiro)).candidates()).containsExactly(jiro);
        assertThat(PeopleMatcher.match("佐藤 太郎", List.of(jiro)).certainty()).isEqualTo(Certainty.UNSURE);
        assertThat(PeopleMatcher.match("佐藤", List.of(jiro)).certainty()).isEqualTo(Certainty.UNSURE);
        assertThat(PeopleMatcher.match("佐藤 次郎", List.of(SATO)).candidates()).containsExactly(SATO);
        // an exact match beside a family-name one is no longer sure
        assertThat(PeopleMatcher.match("佐藤", List.of(SATO, jiro)).candidates()).containsExactly(SATO, jiro);
    }

    @Test
    void noOneOfTheNameAndGeneratedIdsAreNoMatch() {
        assertThat(PeopleMatcher.match("新井", List.of(SATO, TSUTA))).isEqualTo(Match.NONE);
        assertThat(PeopleMatcher.match("蔦", List.of(new Person("minutes-p7", "蔦", false)))).isEqualTo(Match.NONE);
        assertThat(PeopleMatcher.match(" ", List.of(SATO))).isEqualTo(Match.NONE);
        assertThat(PeopleMatcher.match("佐", List.of(SATO))).isEqualTo(Match.NONE); // a prefix is no family name
    }
}
