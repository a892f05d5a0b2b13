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
}
