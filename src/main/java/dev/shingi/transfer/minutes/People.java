package dev.shingi.transfer.minutes;

import dev.shingi.deliberation.api.AsOf;
import dev.shingi.deliberation.api.DeliberationDetail;
import dev.shingi.deliberation.api.DeliberationSummary;
import dev.shingi.deliberation.api.FindDeliberation;
import dev.shingi.deliberation.api.FindDeliberations;
import dev.shingi.deliberation.api.Participant;
import dev.shingi.deliberation.api.Role;
import dev.shingi.security.AccessPolicy;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The people an import may re-use: everyone registered in a deliberation the importing user can read (so that a name
 * of the minutes is matched to the person, never to someone the importer may not see), and what the matcher makes of
 * a proposal's names: a sure match proposed as its participant id, an unsure one flagged with its candidates.
 */
@Component
class People {
    private final QueryGateway queries;
    private final AccessPolicy access;
    private final Clock clock;

    People(QueryGateway queries, AccessPolicy access, Clock clock) {
        this.queries = queries;
        this.access = access;
        this.clock = clock;
    }

    /**
     * What an import may re-use, read once: everyone of the deliberations the signed-in user can read, as registered
     * (one entry per registration), and whom they may make secretariat of what they import — anyone when an admin;
     * else themself and the secretariat of the deliberations they are secretariat of (their colleagues, who hold that
     * role already).
     */
    record Known(List<PeopleMatcher.Person> readable, Predicate<String> maySecretariat, List<PeopleMatcher.Person> own) {
        Known(List<PeopleMatcher.Person> readable, Predicate<String> maySecretariat) {
            this(readable, maySecretariat, List.of());
        }
    }

    /** One list of the deliberations, one read of each the user can read. */
    Known known() {
        return known(null);
    }

    /**
     * As {@link #known()}, and the participants of {@code into} (an existing deliberation the import goes into, or
     * null) as {@code own}: there a name is matched to everyone registered, ids an earlier import generated included.
     */
    Known known(String into) {
        AsOf now = AsOf.now(clock.instant());
        List<PeopleMatcher.Person> readable = new ArrayList<>();
        List<PeopleMatcher.Person> own = new ArrayList<>();
        Set<String> colleagues = new HashSet<>();
        colleagues.add(access.user());
        for (DeliberationSummary d : queries.query(new FindDeliberations(now),
                ResponseTypes.multipleInstancesOf(DeliberationSummary.class)).join()) {
            if (!access.canRead(d.deliberationId())) {
                continue;
            }
            boolean secretary = access.role(d.deliberationId()).orElse(null) == Role.SECRETARIAT;
            for (Participant p : queries.query(new FindDeliberation(d.deliberationId(), now),
                    ResponseTypes.instanceOf(DeliberationDetail.class)).join().participants()) {
                readable.add(new PeopleMatcher.Person(p.participantId(), p.name(), p.organisation()));
                if (d.deliberationId().equals(into)) {
                    own.add(new PeopleMatcher.Person(p.participantId(), p.name(), p.organisation()));
                }
                if (secretary && p.role() == Role.SECRETARIAT) {
                    colleagues.add(p.participantId());
                }
            }
        }
        return new Known(readable, access.isAdmin() ? id -> true : colleagues::contains, own);
    }

    /**
     * The proposal with each participant the matcher is sure of given that person's id, and a flag for each it is
     * unsure of (the candidates named, the id left empty for the reviewer to choose). A participant whose id is set
     * already is left as it is; a secretariat participant is proposed only as someone {@code maySecretariat} allows.
     */
    static MinutesProposal matched(MinutesProposal p, Known known) {
        List<PeopleMatcher.Person> people = known.readable();
        Predicate<String> maySecretariat = known.maySecretariat();
        List<MinutesProposal.Participant> participants = new ArrayList<>();
        List<MinutesProposal.Uncertain> flags = new ArrayList<>(p.uncertain());
        for (MinutesProposal.Participant x : p.participants()) {
            if (x.participantId() != null || x.name() == null || UnnamedMember.is(x.name())) { // the unnamed member is no one
                participants.add(x);
                continue;
            }
            PeopleMatcher.Match m = PeopleMatcher.match(x.name(), known.own(), true); // the deliberation's own first
            if (m.certainty() == PeopleMatcher.Certainty.NONE) {
                m = PeopleMatcher.match(x.name(), people);
            }
            if (m.certainty() == PeopleMatcher.Certainty.SURE && x.role() == Role.SECRETARIAT
                    && !maySecretariat.test(m.candidates().get(0).participantId())) {
                participants.add(x);
                continue;
            }
            switch (m.certainty()) {
                case SURE -> participants.add(new MinutesProposal.Participant(x.name(), x.title(), x.role(),
                        m.candidates().get(0).participantId()));
                case UNSURE -> {
                    participants.add(x);
                    String candidates = String.join(", ", m.candidates().stream()
                            .map(c -> c.name() + " (" + c.participantId() + ")").toList());
                    flags.add(MinutesProposal.Uncertain.of(List.of(), "'" + x.name() + "' may be one of " + candidates
                            + " registered already; choose who, or leave it a new person", "person-unsure", x.name(),
                            candidates));
                }
                default -> participants.add(x);
            }
        }
        return new MinutesProposal(p.meeting(), p.materials(), participants, p.comments(), p.responses(), flags);
    }
}
