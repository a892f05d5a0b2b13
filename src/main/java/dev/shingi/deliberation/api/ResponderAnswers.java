package dev.shingi.deliberation.api;

import java.util.List;

/** Everything one secretariat participant answered. */
public record ResponderAnswers(
        ParticipantRef responder,
        List<AnswerLine> answered) {
}
