package dev.shingi.deliberation.command;

import dev.shingi.deliberation.api.DeliberationOpened;
import dev.shingi.deliberation.api.Material;
import dev.shingi.deliberation.api.MeetingRecorded;
import dev.shingi.deliberation.api.OpenDeliberation;
import dev.shingi.deliberation.api.ParticipantRegistered;
import dev.shingi.deliberation.api.RecordMeeting;
import dev.shingi.deliberation.api.RegisterParticipant;
import dev.shingi.deliberation.api.Role;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static dev.shingi.deliberation.command.TestDirectory.violates;

class DeliberationTest {

    private static final String ID = "ict-cyber-2024";
    private static final String TITLE = "ICT サイバーセキュリティ政策分科会";
    private static final String BODY = "情報通信審議会";
    private static final Instant OPENED = Instant.parse("2024-06-01T00:00:00Z");
    private static final Instant STARTS = Instant.parse("2024-06-24T05:00:00Z");
    private static final Instant ENDS = Instant.parse("2024-06-24T07:00:00Z");
    private static final List<Material> MATERIALS = List.of(
            new Material("資料10-1", "中期重点方針（案）"), new Material("資料10-2", "中期重点方針（案）概要"));

    private FixtureConfiguration<Deliberation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Deliberation.class);
    }

    private static DeliberationOpened opened() {
        return new DeliberationOpened(ID, TITLE, BODY, OPENED);
    }

    private static ParticipantRegistered registered(String participantId, Role role) {
        return new ParticipantRegistered(ID, participantId, participantId + "-name", role, null, null, false, OPENED);
    }

    private static RecordMeeting meeting(String meetingId, List<String> attendees) {
        return new RecordMeeting(ID, meetingId, 10, "第10回", STARTS, ENDS, "WEB開催", attendees, MATERIALS, STARTS);
    }

    @Test
    void openingDeliberationRecordsItsTitleBodyAndTime() {
        fixture.givenNoPriorActivity()
                .when(new OpenDeliberation(ID, TITLE, BODY, OPENED))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DeliberationOpened(ID, TITLE, BODY, OPENED));
    }

    @Test
    void registeringParticipantRecordsEveryDetail() {
        fixture.given(opened())
                .when(new RegisterParticipant(ID, "nisc", "内閣官房内閣サイバーセキュリティセンター", Role.OBSERVER,
                        "オブザーバー", "NISC", true, STARTS))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ParticipantRegistered(ID, "nisc", "内閣官房内閣サイバーセキュリティセンター",
                        Role.OBSERVER, "オブザーバー", "NISC", true, STARTS));
    }

    @Test
    void cannotRegisterParticipantTwice() {
        fixture.given(opened(), registered("tsuta", Role.MEMBER))
                .when(new RegisterParticipant(ID, "tsuta", "蔦", Role.CHAIR, "主査", null, false, STARTS))
                .expectNoEvents()
                .expectException(violates("participant.registered-once"));
    }

    @Test
    void cannotRegisterParticipantInDeliberationNeverOpened() {
        fixture.givenNoPriorActivity()
                .when(new RegisterParticipant(ID, "tsuta", "蔦", Role.MEMBER, "構成員", null, false, STARTS))
                .expectNoEvents()
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void recordingMeetingRecordsEveryDetail() {
        fixture.given(opened(), registered("goto", Role.CHAIR), registered("sato", Role.SECRETARIAT))
                .when(meeting("meeting-10", List.of("goto", "sato")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new MeetingRecorded(ID, "meeting-10", 10, "第10回", STARTS, ENDS, "WEB開催",
                        List.of("goto", "sato"), MATERIALS, STARTS));
    }

    @Test
    void meetingWithoutAttendeesOrMaterialsRecordsEmptyLists() {
        fixture.given(opened())
                .when(new RecordMeeting(ID, "meeting-11", 11, null, STARTS, null, null, null, null, STARTS))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new MeetingRecorded(ID, "meeting-11", 11, null, STARTS, null, null, List.of(), List.of(),
                        STARTS));
    }

    @Test
    void cannotRecordMeetingTwice() {
        fixture.given(opened(), new MeetingRecorded(ID, "meeting-10", 10, "第10回", STARTS, ENDS, "WEB開催", List.of(),
                        List.of(), STARTS))
                .when(meeting("meeting-10", List.of()))
                .expectNoEvents()
                .expectException(violates("meeting.recorded-once"));
    }

    @Test
    void nothingIsDatedBeforeTheDeliberationOpened() {
        Instant before = OPENED.minusSeconds(1);
        fixture.given(opened())
                .when(new RecordMeeting(ID, "meeting-0", 0, "前回", before, null, null, List.of(), List.of(), STARTS))
                .expectNoEvents()
                .expectException(dev.shingi.deliberation.api.InvalidField.class)
                .expectExceptionMessage("'2024-05-31T23:59:59Z' is before the deliberation opened ('2024-06-01T00:00:00Z'): "
                        + "nothing of a deliberation is dated before it opened.");
        fixture.given(opened())
                .when(new RegisterParticipant(ID, "early", "Early", Role.MEMBER, null, null, false, before))
                .expectNoEvents()
                .expectException(dev.shingi.deliberation.api.InvalidField.class);
        fixture.given(opened())
                .when(new RegisterParticipant(ID, "onTime", "On time", Role.MEMBER, null, null, false, OPENED))
                .expectEvents(new ParticipantRegistered(ID, "onTime", "On time", Role.MEMBER, null, null, false, OPENED));
    }

    @Test
    void cannotRecordMeetingAttendedByUnregisteredParticipant() {
        fixture.given(opened(), registered("goto", Role.CHAIR))
                .when(meeting("meeting-10", List.of("goto", "nobody")))
                .expectNoEvents()
                .expectException(violates("meeting.attendees-registered"));
    }

    @org.junit.jupiter.api.Test
    void aDeliberationIsMadePublicOnceAndMembersOnlyAgain() {
        fixture.given(opened())
                .when(new dev.shingi.deliberation.api.SetVisibility(ID, true, STARTS))
                .expectEvents(new dev.shingi.deliberation.api.VisibilityChanged(ID, true, STARTS));
        fixture.given(opened(), new dev.shingi.deliberation.api.VisibilityChanged(ID, true, STARTS))
                .when(new dev.shingi.deliberation.api.SetVisibility(ID, true, ENDS))
                .expectNoEvents();
        fixture.given(opened(), new dev.shingi.deliberation.api.VisibilityChanged(ID, true, STARTS))
                .when(new dev.shingi.deliberation.api.SetVisibility(ID, false, ENDS))
                .expectEvents(new dev.shingi.deliberation.api.VisibilityChanged(ID, false, ENDS));
    }
}
