package dev.shingi.transfer.minutes;

import dev.shingi.transfer.minutes.MinutesProposal.Comment;
import dev.shingi.transfer.minutes.MinutesProposal.Participant;

import java.util.List;

/** A turn that answers, in one of the four ways minutes show it; {@code turn} is its index among the turns. */
sealed interface AnswerTurn {
    int turn();

    Turn by();

    /**
     * 「蔦構成員への回答。…」: the turn names whom each stretch answers. {@code known} are the participants and
     * {@code raisedBefore} the points raised when the answer was given.
     */
    record Addressed(int turn, Turn by, Roster known, List<Comment> raisedBefore) implements AnswerTurn {
    }

    /**
     * A secretariat turn that names no one: it answers the turn before — {@code previousSpeaker}, who raised
     * {@code raised} — if that was the only turn to raise points since the last answer ({@code raisingTurns}).
     */
    record ToTurnBefore(int turn, Turn by, Participant previousSpeaker, List<Comment> raised, int raisingTurns)
            implements AnswerTurn {
    }

    /**
     * 「これに対し、事務局から…旨の回答があった。」 after points the minutes report (「〇〇委員から…との意見があった。」): answers
     * the points reported {@code since} the last answer — by anchor, order or topic, else the one just before, unsure.
     * {@code previousSpeaker} raised the last of them.
     */
    record ReportedAnswer(int turn, Turn by, Participant previousSpeaker, List<Comment> since) implements AnswerTurn {
    }

    /** 「これに対し、事務局から…旨の回答があった。」 after written comments: answers {@code made}, from {@code from} on. */
    record Reported(int turn, Turn by, Participant author, int from, List<Comment> made) implements AnswerTurn {
    }
}
