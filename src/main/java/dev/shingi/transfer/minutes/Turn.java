package dev.shingi.transfer.minutes;

import dev.shingi.deliberation.api.Role;
import dev.shingi.transfer.minutes.MinutesProposal.Participant;
import dev.shingi.transfer.minutes.SourceText.Joined;
import dev.shingi.transfer.minutes.SourceText.Line;

/**
 * One speaker's turn: who spoke ({@code speaker}, null when the text does not say which attendee), the speaker as
 * written (「蔦構成員」「事務局（山田参事官）」, or {@link #NARRATIVE} for reported proceedings between turns), whether it is
 * the secretariat speaking as a body ({@code generic}), the line that opened it, and what was said.
 */
record Turn(Participant speaker, String written, boolean generic, Line opener, Joined said) {

    /** The turn-like record of narrative between turns (「事務局から…紹介があった。」). */
    static final String NARRATIVE = "（記述）";

    boolean narrative() {
        return written.equals(NARRATIVE);
    }

    /** The secretariat speaks, or the minutes report proceedings: such a turn answers or reports, it raises no point of its own. */
    boolean official() {
        return generic || narrative() || (speaker != null && speaker.role() == Role.SECRETARIAT);
    }
}
