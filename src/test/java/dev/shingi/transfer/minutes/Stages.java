package dev.shingi.transfer.minutes;

import dev.shingi.transfer.minutes.MinutesProposal.Uncertain;
import dev.shingi.transfer.minutes.PointReader.Points;
import dev.shingi.transfer.minutes.TurnReader.Turns;

import java.util.ArrayList;
import java.util.List;

/** Runs the parser's stages on a seed document of src/test/resources/minutes, up to the stage a test looks at. */
final class Stages {
    private Stages() {
    }

    static Items items(String doc) {
        return Items.of(SourceText.lines(MinutesCorpusTest.resource(doc + ".txt")));
    }

    static Roster attendees(String doc) {
        return new Roster(AttendeeReader.read(items(doc).attendees(), new ArrayList<>()));
    }

    /** The turns of the document; {@code flags} receives the flags of turn recognition only. */
    static Turns turns(String doc, List<Uncertain> flags) {
        return TurnReader.read(items(doc).proceedings(), attendees(doc), flags);
    }

    static Points points(String doc) {
        return PointReader.read(turns(doc, new ArrayList<>()));
    }

    /** The first turn whose speaker is written so, from the {@code nth} (0-based) such turn on. */
    static int turnOf(Turns turns, String written, int nth) {
        int seen = 0;
        for (int i = 0; i < turns.turns().size(); i++) {
            if (turns.turns().get(i).written().equals(written) && seen++ == nth) {
                return i;
            }
        }
        throw new AssertionError("no turn " + nth + " of " + written);
    }

    static List<String> reasons(List<Uncertain> flags) {
        return flags.stream().map(Uncertain::reason).toList();
    }
}
