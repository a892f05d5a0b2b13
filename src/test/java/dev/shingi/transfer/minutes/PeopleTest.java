package dev.shingi.transfer.minutes;

import dev.shingi.deliberation.api.Role;
import dev.shingi.transfer.minutes.PeopleMatcher.Person;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PeopleTest {
    static final List<Person> KNOWN = List.of(new Person("tsuta", "蔦", false), new Person("sato", "佐藤 太郎", false),
            new Person("sato2", "佐藤 次郎", false));

    static MinutesProposal proposal(MinutesProposal.Participant... people) {
        return new MinutesProposal(null, List.of(), List.of(people), List.of(), List.of(), List.of());
    }

    @Test
    void theOnePersonOfANameIsProposedAndAnUnsureNameIsFlaggedWithItsCandidatesAndLeftEmpty() {
        MinutesProposal p = People.matched(proposal(new MinutesProposal.Participant("蔦", "構成員", Role.MEMBER),
                new MinutesProposal.Participant("佐藤", "企画官", Role.SECRETARIAT),
                new MinutesProposal.Participant("新井", "構成員", Role.MEMBER)), new People.Known(KNOWN, id -> true));
        assertThat(p.participants()).extracting(MinutesProposal.Participant::participantId)
                .containsExactly("tsuta", null, null);
        assertThat(p.uncertain()).containsExactly(new MinutesProposal.Uncertain(List.of(),
                "'佐藤' may be one of 佐藤 太郎 (sato), 佐藤 次郎 (sato2) registered already; choose who, or leave it a new person",
                "person-unsure", List.of("佐藤", "佐藤 太郎 (sato), 佐藤 次郎 (sato2)")));
    }

    @Test
    void aPersonChosenAlreadyIsLeftAsChosen() {
        MinutesProposal p = People.matched(proposal(
                new MinutesProposal.Participant("佐藤", "企画官", Role.SECRETARIAT, "sato2")), new People.Known(KNOWN, id -> true));
        assertThat(p.participants().get(0).participantId()).isEqualTo("sato2");
        assertThat(p.uncertain()).isEmpty();
    }

    @Test
    void aSecretariatNameIsProposedOnlyAsSomeoneTheImporterMayMakeSecretariat() {
        MinutesProposal p = People.matched(proposal(new MinutesProposal.Participant("蔦", "参事官", Role.SECRETARIAT)),
                new People.Known(KNOWN, id -> false));
        assertThat(p.participants().get(0).participantId()).isNull();
    }
}
