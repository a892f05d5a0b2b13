package dev.shingi.transfer.minutes;

import dev.shingi.deliberation.api.AsOf;
import dev.shingi.deliberation.api.DeliberationDetail;
import dev.shingi.deliberation.api.DeliberationSummary;
import dev.shingi.deliberation.api.FindDeliberation;
import dev.shingi.deliberation.api.FindDeliberations;
import dev.shingi.security.AccessPolicy;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

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

    /** Everyone of the deliberations the signed-in user can read, as registered (one entry per registration). */
    List<PeopleMatcher.Person> readable() {
        AsOf now = AsOf.now(clock.instant());
        List<DeliberationSummary> all = queries.query(new FindDeliberations(now),
                ResponseTypes.multipleInstancesOf(DeliberationSummary.class)).join();
        List<PeopleMatcher.Person> out = new ArrayList<>();
        for (DeliberationSummary d : all) {
            if (!access.canRead(d.deliberationId())) {
                continue;
            }
            DeliberationDetail detail = queries.query(new FindDeliberation(d.deliberationId(), now),
                    ResponseTypes.instanceOf(DeliberationDetail.class)).join();
            detail.participants().forEach(p -> out.add(new PeopleMatcher.Person(p.participantId(), p.name(),
                    p.organisation())));
        }
        return out;
    }

    /**
     * Whom the signed-in user may make secretariat of what they import: anyone when an admin; else themself and the
     * secretariat of the deliberations they are secretariat of (their colleagues, holding that role already).
     */
    java.util.function.Predicate<String> maySecretariat() {
        if (access.isAdmin()) {
            return id -> true;
        }
        AsOf now = AsOf.now(clock.instant());
        java.util.Set<String> colleagues = new java.util.HashSet<>();
        String user = access.user();
        colleagues.add(user);
        for (DeliberationSummary d : queries.query(new FindDeliberations(now),
                ResponseTypes.multipleInstancesOf(DeliberationSummary.class)).join()) {
            if (access.role(d.deliberationId()).orElse(null) != dev.shingi.deliberation.api.Role.SECRETARIAT) {
                continue;
            }
            queries.query(new FindDeliberation(d.deliberationId(), now), ResponseTypes.instanceOf(DeliberationDetail.class))
                    .join().participants().stream().filter(x -> x.role() == dev.shingi.deliberation.api.Role.SECRETARIAT)
                    .forEach(x -> colleagues.add(x.participantId()));
        }
        return colleagues::contains;
    }

    /**
     * The proposal with each participant the matcher is sure of given that person's id, and a flag for each it is
     * unsure of (the candidates named, the id left empty for the reviewer to choose). A participant whose id is set
     * already is left as it is; a secretariat participant is proposed only as someone {@code maySecretariat} allows.
     */
    static MinutesProposal matched(MinutesProposal p, List<PeopleMatcher.Person> people,
                                   java.util.function.Predicate<String> maySecretariat) {
        List<MinutesProposal.Participant> participants = new ArrayList<>();
        List<MinutesProposal.Uncertain> flags = new ArrayList<>(p.uncertain());
        for (MinutesProposal.Participant x : p.participants()) {
            if (x.participantId() != null || x.name() == null) {
                participants.add(x);
                continue;
            }
            PeopleMatcher.Match m = PeopleMatcher.match(x.name(), people);
            if (m.certainty() == PeopleMatcher.Certainty.SURE && x.role() == dev.shingi.deliberation.api.Role.SECRETARIAT
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
