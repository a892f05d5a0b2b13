package dev.shingi.deliberation.api;

import java.util.List;

/** Who answered what: by responder, and by member. */
public record Answers(
        List<ResponderAnswers> byResponder,
        List<MemberAnswers> byMember) {
}
