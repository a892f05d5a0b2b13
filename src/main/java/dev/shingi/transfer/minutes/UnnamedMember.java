package dev.shingi.transfer.minutes;

import dev.shingi.deliberation.api.Role;
import dev.shingi.transfer.minutes.MinutesProposal.Meeting;
import dev.shingi.transfer.minutes.MinutesProposal.Participant;

/**
 * The participant who stands for the members a meeting's minutes do not name (「（委員）」「構成員：」「オブザーバー」):
 * one per title and meeting, named so that it says what it is — 「氏名の記載のない委員（第3回）」 — and never a person.
 * A point such a speaker raised is recorded as theirs, so it stays unattributed instead of being refused or guessed.
 * It is never matched to anyone registered, and no reviewer may make it someone who signs in.
 */
final class UnnamedMember {
    static final String PREFIX = "氏名の記載のない";

    private UnnamedMember() {
    }

    /** The stand-in for speakers written only as {@code title} at {@code meeting} (null when not read). */
    static Participant of(String title, Meeting meeting) {
        String of = meeting == null ? "" : meeting.number() != null ? "（第" + meeting.number() + "回）"
                : meeting.date() != null ? "（" + meeting.date() + "）" : "";
        return new Participant(PREFIX + title + of, title, title.startsWith("オブザーバー") ? Role.OBSERVER : Role.MEMBER);
    }

    static boolean is(String name) {
        return name != null && name.strip().startsWith(PREFIX);
    }
}
