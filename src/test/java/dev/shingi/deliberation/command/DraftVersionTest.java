package dev.shingi.deliberation.command;

import dev.shingi.deliberation.api.Anchor;
import dev.shingi.deliberation.api.CommentKind;
import dev.shingi.deliberation.api.CommentRaised;
import dev.shingi.deliberation.api.CommentResponded;
import dev.shingi.deliberation.api.CommitRevision;
import dev.shingi.deliberation.api.CommitmentFulfilled;
import dev.shingi.deliberation.api.CommitmentKind;
import dev.shingi.deliberation.api.CommitmentMade;
import dev.shingi.deliberation.api.CommitmentWaived;
import dev.shingi.deliberation.api.Disposition;
import dev.shingi.deliberation.api.DraftPublished;
import dev.shingi.deliberation.api.Fulfilment;
import dev.shingi.deliberation.api.Location;
import dev.shingi.deliberation.api.PublishDraft;
import dev.shingi.deliberation.api.RevisionCommitted;
import dev.shingi.deliberation.api.ReadinessOverride;
import dev.shingi.deliberation.api.Role;
import dev.shingi.deliberation.api.UnresolvedItem;
import dev.shingi.deliberation.api.UnresolvedItems;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static dev.shingi.deliberation.command.TestDirectory.AT;
import static dev.shingi.deliberation.command.TestDirectory.CHAIR;
import static dev.shingi.deliberation.command.TestDirectory.DELIBERATION;
import static dev.shingi.deliberation.command.TestDirectory.MEMBER;
import static dev.shingi.deliberation.command.TestDirectory.OTHER_DELIBERATION;
import static dev.shingi.deliberation.command.TestDirectory.OUTSIDER;
import static dev.shingi.deliberation.command.TestDirectory.PAGES;
import static dev.shingi.deliberation.command.TestDirectory.SECRETARY;
import static dev.shingi.deliberation.command.TestDirectory.STRANGER;
import static dev.shingi.deliberation.command.TestDirectory.unknown;
import static dev.shingi.deliberation.command.TestDirectory.violates;
import static org.assertj.core.api.Assertions.assertThat;

class DraftVersionTest {

    private static final String TITLE = "ICT サイバーセキュリティ政策の中期重点方針（案）";
    private static final Instant LATER = AT.plusSeconds(86_400);

    private TestDirectory directory;
    private FixtureConfiguration<DraftVersion> fixture;

    @BeforeEach
    void setUp() {
        directory = TestDirectory.reference();
        fixture = new AggregateTestFixture<>(DraftVersion.class);
        fixture.registerInjectableResource(directory.directory());
        fixture.registerInjectableResource(directory.documents());
    }

    @Nested
    class Publishing {

        @Test
        void publishingDraftRecordsItsPageCount() {
            fixture.givenNoPriorActivity()
                    .when(new PublishDraft(DELIBERATION, 2, TITLE, "資料11-1", 64, LATER))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new DraftPublished(DELIBERATION, 2, TITLE, "資料11-1", 64, LATER));
        }

        @Test
        void draftMayBePublishedWithoutPageCount() {
            TestDirectory fresh = TestDirectory.empty().opened("new-2024");
            fixture = new AggregateTestFixture<>(DraftVersion.class);
            fixture.registerInjectableResource(fresh.directory());
            fixture.registerInjectableResource(fresh.documents());

            fixture.givenNoPriorActivity()
                    .when(new PublishDraft("new-2024", 1, TITLE, null, null, AT))
                    .expectEvents(new DraftPublished("new-2024", 1, TITLE, null, null, AT));
        }

        @Test
        void versionNumbersBelongToOneDeliberation() {
            directory.opened("new-2024");
            fixture.givenNoPriorActivity()
                    .when(new PublishDraft("new-2024", 1, TITLE, "資料1-1", 10, AT))
                    .expectEvents(new DraftPublished("new-2024", 1, TITLE, "資料1-1", 10, AT));
        }

        @Test
        void cannotPublishVersionTwice() {
            fixture.givenNoPriorActivity()
                    .when(new PublishDraft(DELIBERATION, 1, TITLE, "資料10-1", PAGES, LATER))
                    .expectNoEvents()
                    .expectException(violates("draft.version-once"));
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -1})
        void cannotPublishVersionBelowOne(int version) {
            fixture.givenNoPriorActivity()
                    .when(new PublishDraft(DELIBERATION, version, TITLE, null, PAGES, LATER))
                    .expectNoEvents()
                    .expectException(violates("draft.version-positive"));
        }

        @Test
        void cannotPublishDraftOfUnknownDeliberation() {
            fixture.givenNoPriorActivity()
                    .when(new PublishDraft("no-such-deliberation", 1, TITLE, null, PAGES, AT))
                    .expectNoEvents()
                    .expectException(unknown("deliberationId"));
        }
    }

    /**
     * {@link RevisionHandler} creates the new version here and fulfils commitments on {@link Comment}s, which live in a
     * store of their own: the fixture records one aggregate's events only.
     */
    @Nested
    class Revising {

        private static final String C1 = "ict-cyber-2024-c1";
        private static final String C2 = "ict-cyber-2024-c2";
        private static final String ELSEWHERE = "other-2024-c1";
        private static final String SUMMARY = "Reflects the comments of the 10th meeting";

        private EmbeddedEventStore comments;
        private final Map<String, Long> sequences = new ConcurrentHashMap<>();

        @BeforeEach
        void setUp() {
            comments = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
            EventSourcingRepository<Comment> repository = EventSourcingRepository.builder(Comment.class)
                    .eventStore(comments)
                    .parameterResolverFactory(MultiParameterResolverFactory.ordered(
                            ClasspathParameterResolverFactory.forClass(Comment.class),
                            new SimpleResourceParameterResolverFactory(List.of(directory.directory(), directory.documents()))))
                    .build();
            fixture.registerAnnotatedCommandHandler(
                    new RevisionHandler(repository, fixture.getRepository(), directory.directory(), directory.comments(),
                            directory.documents()));

            commentWithCommitments(DELIBERATION, C1, "#1", CommitmentKind.REVISE_DRAFT, CommitmentKind.REVISE_DRAFT);
            commentWithCommitments(DELIBERATION, C2, "#2", CommitmentKind.REVISE_DRAFT);
            stored(C2, new CommitmentWaived(DELIBERATION, C2, C2 + ".1", SECRETARY, "Overtaken", AT));
            directory.registered(OTHER_DELIBERATION, MEMBER, Role.MEMBER);
            commentWithCommitments(OTHER_DELIBERATION, ELSEWHERE, "#1", CommitmentKind.REVISE_DRAFT);
        }

        @AfterEach
        void tearDown() {
            comments.shutDown();
        }

        private void commentWithCommitments(String deliberationId, String commentId, String reference,
                                            CommitmentKind... kinds) {
            String secretary = deliberationId.equals(DELIBERATION) ? SECRETARY : OUTSIDER;
            stored(commentId, new CommentRaised(deliberationId, commentId, reference, MEMBER, 1, Anchor.page(15),
                    CommentKind.CHANGE_REQUEST, "text", null, AT));
            stored(commentId, new CommentResponded(deliberationId, commentId, "r1", secretary, Disposition.ACCEPTED,
                    "answer", AT));
            for (int n = 1; n <= kinds.length; n++) {
                stored(commentId, new CommitmentMade(deliberationId, commentId, "r1", commentId + "." + n,
                        reference + "." + n, kinds[n - 1], "promise", secretary, null, AT));
            }
        }

        private void stored(String commentId, Object event) {
            if (event instanceof CommentRaised raised) {
                directory.comments().on(raised);
            }
            long sequence = sequences.merge(commentId, 0L, (previous, ignored) -> previous + 1);
            comments.publish(new GenericDomainEventMessage<>("Comment", commentId, sequence, event));
        }

        private List<Object> eventsOf(String commentId) {
            List<Object> payloads = new ArrayList<>();
            comments.readEvents(commentId).asStream().map(EventMessage::getPayload).forEach(payloads::add);
            return payloads;
        }

        private Object lastEventOf(String commentId) {
            List<Object> events = eventsOf(commentId);
            return events.get(events.size() - 1);
        }

        private CommitRevision revision(int version, String committedBy, Fulfilment... fulfils) {
            return new CommitRevision(DELIBERATION, version, TITLE, "資料11-1", 62, SUMMARY,
                    List.of("Footnote 3 added"), Arrays.asList(fulfils), committedBy, false, LATER);
        }

        private static Fulfilment keeps(String commitmentId, Integer page) {
            return new Fulfilment(null, commitmentId, new Location(page, "3", null));
        }

        @Test
        void revisionCreatesVersionAndFulfilsTheCommitmentsItKeeps() {
            Location footnote = new Location(15, "3", null);
            Location section = new Location(null, null, "おわりに");
            List<Fulfilment> fulfils = List.of(new Fulfilment(C1, C1 + ".1", footnote),
                    new Fulfilment(null, C1 + ".2", section));

            fixture.givenNoPriorActivity()
                    .when(new CommitRevision(DELIBERATION, 2, TITLE, "資料11-1", 62, SUMMARY, null, fulfils, SECRETARY,
                            true, LATER))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new RevisionCommitted(DELIBERATION, 2, 1, TITLE, "資料11-1", 62, SUMMARY, List.of(),
                            fulfils, SECRETARY, true, LATER));

            assertThat(eventsOf(C1)).endsWith(
                    new CommitmentFulfilled(DELIBERATION, C1, C1 + ".1", 2, footnote, LATER),
                    new CommitmentFulfilled(DELIBERATION, C1, C1 + ".2", 2, section, LATER));
        }

        @Test
        void revisionIsBasedOnTheLatestVersion() {
            directory.draft(DELIBERATION, 2, 61);

            fixture.givenNoPriorActivity()
                    .when(revision(3, SECRETARY, keeps(C1 + ".1", 15), keeps(C1 + ".2", 15)))
                    .expectEvents(new RevisionCommitted(DELIBERATION, 3, 2, TITLE, "資料11-1", 62, SUMMARY,
                            List.of("Footnote 3 added"), List.of(keeps(C1 + ".1", 15), keeps(C1 + ".2", 15)),
                            SECRETARY, false, LATER));
        }

        @Test
        void cannotCommitRevisionLeavingReviseDraftCommitmentsOpenOrCommentsUnanswered() {
            stored("ict-cyber-2024-c3", new CommentRaised(DELIBERATION, "ict-cyber-2024-c3", "#3", MEMBER, 1,
                    Anchor.page(7), CommentKind.QUESTION, "why?", null, AT));
            stored("ict-cyber-2024-c4", new CommentRaised(DELIBERATION, "ict-cyber-2024-c4", "#4", MEMBER, 1, null,
                    CommentKind.ENDORSEMENT, "agreed", null, AT));

            fixture.givenNoPriorActivity()
                    .when(revision(2, SECRETARY, keeps(C1 + ".1", 15)))
                    .expectNoEvents()
                    .expectException(violates(UnresolvedItems.RULE));
            assertThat(refusal(revision(2, SECRETARY, keeps(C1 + ".1", 15))).items()).containsExactly(
                    new UnresolvedItem(UnresolvedItem.Kind.COMMITMENT, C1 + ".2", "#1.2", C1, 1, 15),
                    new UnresolvedItem(UnresolvedItem.Kind.COMMENT, "ict-cyber-2024-c3", "#3", "ict-cyber-2024-c3",
                            1, 7));
            assertThat(eventsOf(C1)).hasSize(4);
        }

        @Test
        void aCommentRaisedAfterTheRevisionsTimeDoesNotHoldItBack() {
            stored("ict-cyber-2024-c3", new CommentRaised(DELIBERATION, "ict-cyber-2024-c3", "#3", MEMBER, 1,
                    Anchor.page(7), CommentKind.QUESTION, "why?", null, LATER.plusSeconds(1)));

            fixture.givenNoPriorActivity()
                    .when(revision(2, SECRETARY, keeps(C1 + ".1", 15), keeps(C1 + ".2", 15)))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void overrideRecordsWhyTheRevisionGoesAheadWithItemsUnresolved() {
            ReadinessOverride why = new ReadinessOverride("#1.2 waits for the legal review");
            fixture.givenNoPriorActivity()
                    .when(new CommitRevision(DELIBERATION, 2, TITLE, "資料11-1", 62, SUMMARY, List.of(), List.of(),
                            SECRETARY, false, LATER, null, why))
                    .expectEvents(new RevisionCommitted(DELIBERATION, 2, 1, TITLE, "資料11-1", 62, SUMMARY, List.of(),
                            List.of(), SECRETARY, false, LATER, null, why));
        }

        private UnresolvedItems refusal(CommitRevision command) {
            List<UnresolvedItems> caught = new ArrayList<>();
            fixture.givenNoPriorActivity().when(command).expectNoEvents()
                    .expectException(new org.hamcrest.CustomTypeSafeMatcher<UnresolvedItems>("the readiness gate's refusal") {
                        @Override
                        protected boolean matchesSafely(UnresolvedItems refused) {
                            caught.add(refused);
                            return true;
                        }
                    });
            return caught.get(0);
        }

        @Test
        void cannotCommitRevisionBeforeAnyVersionIsPublished() {
            directory.opened("new-2024").registered("new-2024", SECRETARY, Role.SECRETARIAT);

            fixture.givenNoPriorActivity()
                    .when(new CommitRevision("new-2024", 1, TITLE, null, 10, SUMMARY, null, null, SECRETARY, false,
                            LATER))
                    .expectNoEvents()
                    .expectException(violates("revision.follows-a-version"));
        }

        @Test
        void cannotCommitRevisionUnderTakenVersion() {
            fixture.givenNoPriorActivity()
                    .when(revision(1, SECRETARY))
                    .expectNoEvents()
                    .expectException(violates("draft.version-once"));
        }

        @Test
        void cannotCommitRevisionNumberedBelowOne() {
            fixture.givenNoPriorActivity()
                    .when(revision(0, SECRETARY))
                    .expectNoEvents()
                    .expectException(violates("draft.version-positive"));
        }

        @ParameterizedTest
        @ValueSource(strings = {CHAIR, MEMBER})
        void onlySecretariatCommitsRevisions(String committedBy) {
            fixture.givenNoPriorActivity()
                    .when(revision(2, committedBy))
                    .expectNoEvents()
                    .expectException(violates("participant.secretariat-only"));
        }

        @ParameterizedTest
        @ValueSource(strings = {STRANGER, OUTSIDER})
        void cannotCommitRevisionAsUnregisteredParticipant(String committedBy) {
            fixture.givenNoPriorActivity()
                    .when(revision(2, committedBy))
                    .expectNoEvents()
                    .expectException(violates("participant.registered"));
        }

        @Test
        void cannotCommitRevisionOfUnknownDeliberation() {
            fixture.givenNoPriorActivity()
                    .when(new CommitRevision("no-such-deliberation", 2, TITLE, null, 10, SUMMARY, null, null,
                            SECRETARY, false, LATER))
                    .expectNoEvents()
                    .expectException(unknown("deliberationId"));
        }

        @Test
        void cannotKeepTheSameCommitmentTwiceInOneRevision() {
            fixture.givenNoPriorActivity()
                    .when(revision(2, SECRETARY, keeps(C1 + ".1", 15), keeps(C1 + ".1", 16)))
                    .expectNoEvents()
                    .expectException(violates("revision.fulfils-each-once"));
        }

        @ParameterizedTest
        @ValueSource(ints = {0, 63})
        void cannotKeepCommitmentOutsideTheRevisedDraft(int page) {
            fixture.givenNoPriorActivity()
                    .when(revision(2, SECRETARY, keeps(C1 + ".1", page)))
                    .expectNoEvents()
                    .expectException(violates("revision.location-within-draft"));
        }

        @Test
        void cannotKeepCommitmentOfAnotherDeliberation() {
            fixture.givenNoPriorActivity()
                    .when(revision(2, SECRETARY, keeps(ELSEWHERE + ".1", 15)))
                    .expectNoEvents()
                    .expectException(violates("revision.own-deliberation-only"));
        }

        @Test
        void cannotKeepCommitmentNoLongerOpen() {
            fixture.givenNoPriorActivity()
                    .when(revision(2, SECRETARY, keeps(C2 + ".1", 15)))
                    .expectNoEvents()
                    .expectException(violates("commitment.open-only"));
        }

        @ParameterizedTest
        @ValueSource(strings = {C1 + ".9", "ict-cyber-2024-c99.1", "no-dot"})
        void cannotKeepUnknownCommitment(String commitmentId) {
            fixture.givenNoPriorActivity()
                    .when(revision(2, SECRETARY, keeps(commitmentId, 15)))
                    .expectNoEvents()
                    .expectException(unknown("commitmentId"));
        }

        @Test
        void cannotKeepCommitmentUnderTheWrongComment() {
            fixture.givenNoPriorActivity()
                    .when(revision(2, SECRETARY, new Fulfilment(C2, C1 + ".1", null)))
                    .expectNoEvents()
                    .expectException(unknown("commitmentId"));
        }

        @Test
        void refusedRevisionFulfilsNothing() {
            int before = eventsOf(C1).size();

            fixture.givenNoPriorActivity()
                    .when(revision(2, SECRETARY, keeps(C1 + ".1", 15), keeps(C2 + ".1", 15)))
                    .expectNoEvents()
                    .expectException(violates("commitment.open-only"));

            assertThat(eventsOf(C1)).hasSize(before);
            assertThat(lastEventOf(C1)).isInstanceOf(CommitmentMade.class);
        }
    }
}
