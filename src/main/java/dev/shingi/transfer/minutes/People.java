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
     * The proposal with each participant the matcher is sure of given that person's id, and a flag for each it is
     * unsure of (the candidates named, the id left empty for the reviewer to choose). A participant whose id is set
     * already is left as it is; so is everyone when the import goes into a deliberation that knows them by name.
     */
    static MinutesProposal matched(MinutesProposal p, List<PeopleMatcher.Person> people) {
        List<MinutesProposal.Participant> participants = new ArrayList<>();
        List<MinutesProposal.Uncertain> flags = new ArrayList<>(p.uncertain());
        for (MinutesProposal.Participant x : p.participants()) {
            if (x.participantId() != null || x.name() == null) {
                participants.add(x);
                continue;
            }
            PeopleMatcher.Match m = PeopleMatcher.match(x.name(), people);
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
