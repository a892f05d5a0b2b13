package dev.shingi.deliberation.api;

import java.util.List;

/** Everything one participant raised, and what they got. */
public record MemberAnswers(
        ParticipantRef member,
        List<AnswerLine> raised) {
}
