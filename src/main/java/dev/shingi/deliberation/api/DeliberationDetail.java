package dev.shingi.deliberation.api;

import java.util.List;

/** One deliberation: its counts, participants (and the aliases they go by) and meetings. */
public record DeliberationDetail(
        DeliberationSummary summary,
        List<Participant> participants,
        List<Meeting> meetings,
        List<ParticipantAlias> aliases) {
}
