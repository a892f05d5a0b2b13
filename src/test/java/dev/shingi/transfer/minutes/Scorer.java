package dev.shingi.transfer.minutes;

import dev.shingi.transfer.minutes.MinutesProposal.Anchor;
import dev.shingi.transfer.minutes.MinutesProposal.Comment;
import dev.shingi.transfer.minutes.MinutesProposal.Response;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Scores a proposal against a hand-written expected answer with the issue's metrics: comments found with the right
 * author and anchor; answers joined to the right comment with the right disposition; attributions the text does not
 * support (a comment given to the wrong author, an answer joined to the wrong comment or to a comment that was not
 * answered; the meeting's {@link UnnamedMember} is nobody, so it is never an attribution). Records are identified by a snippet of their text, so a comment split or merged differently still counts
 * as found only when one proposed comment holds the snippet.
 */
final class Scorer {

    record ExpectedComment(String snippet, String author, String anchor, String kind) {
    }

    record ExpectedResponse(String commentSnippet, String answerSnippet, String disposition, String commitment) {
    }

    /** The meeting's date, start and end as the text makes them exact ("-" for one it does not: must stay empty). */
    record ExpectedMeeting(String date, String start, String end) {
    }

    record ExpectedParticipant(String name, String role) {
    }

    /** {@code meeting} is null and {@code participants} empty when the file has no M or P lines (not scored then). */
    record Expected(List<ExpectedComment> comments, List<ExpectedResponse> responses, ExpectedMeeting meeting,
                    List<ExpectedParticipant> participants) {
        static Expected parse(String text) {
            List<ExpectedComment> c = new ArrayList<>();
            List<ExpectedResponse> r = new ArrayList<>();
            List<ExpectedParticipant> people = new ArrayList<>();
            ExpectedMeeting meeting = null;
            for (String line : text.split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.substring(2).split("\\s*\\|\\s*");
                if (line.startsWith("C ")) {
                    c.add(new ExpectedComment(f[0].strip(), f[1].strip(), f[2].strip(), f[3].strip()));
                } else if (line.startsWith("R ")) {
                    r.add(new ExpectedResponse(f[0].strip(), f[1].strip(), f[2].strip(), f[3].strip()));
                } else if (line.startsWith("M ")) {
                    meeting = new ExpectedMeeting(f[0].strip(), f[1].strip(), f[2].strip());
                } else if (line.startsWith("P ")) {
                    people.add(new ExpectedParticipant(f[0].strip(), f[1].strip()));
                } else {
                    throw new IllegalArgumentException("expected-answer line is neither C nor R: " + line);
                }
            }
            return new Expected(c, r, meeting, people);
        }
    }

    /**
     * {@code meetings}/{@code meetingsRight}: documents whose date, start and end were scored / were exact;
     * {@code participants}/{@code participantsRight}: expected participants / found with that name and role, and no
     * proposed participant the expected list lacks (each such extra counts as one wrong participant).
     */
    record Score(int comments, int commentsRight, int responses, int responsesRight, List<String> invented,
                 List<String> misses, int kindsRight, int commitmentsRight, int meetings, int meetingsRight,
                 int participants, int participantsRight) {
        Score(int comments, int commentsRight, int responses, int responsesRight, List<String> invented,
              List<String> misses, int kindsRight, int commitmentsRight) {
            this(comments, commentsRight, responses, responsesRight, invented, misses, kindsRight, commitmentsRight,
                    0, 0, 0, 0);
        }

        double participantRate() {
            return participants == 0 ? 1 : (double) participantsRight / participants;
        }

        double commentRate() {
            return comments == 0 ? 1 : (double) commentsRight / comments;
        }

        double responseRate() {
            return responses == 0 ? 1 : (double) responsesRight / responses;
        }

        Score plus(Score o) {
            List<String> inv = new ArrayList<>(invented);
            inv.addAll(o.invented);
            List<String> m = new ArrayList<>(misses);
            m.addAll(o.misses);
            return new Score(comments + o.comments, commentsRight + o.commentsRight, responses + o.responses,
                    responsesRight + o.responsesRight, inv, m, kindsRight + o.kindsRight, commitmentsRight + o.commitmentsRight,
                    meetings + o.meetings, meetingsRight + o.meetingsRight, participants + o.participants,
                    participantsRight + o.participantsRight);
        }

        static final Score ZERO = new Score(0, 0, 0, 0, List.of(), List.of(), 0, 0);
    }

    static String anchor(Anchor a) {
        if (a == null || a.isEmpty()) {
            return "-";
        }
        List<String> parts = new ArrayList<>();
        if (a.pages() != null && !a.pages().isEmpty()) {
            parts.add(a.pages().size() == 1 ? "p" + a.pages().get(0) : "pp" + a.pages().get(0) + "-" + a.pages().get(1));
        }
        if (a.footnote() != null) {
            parts.add("fn" + a.footnote());
        }
        if (a.section() != null) {
            parts.add("§" + a.section());
        }
        return String.join(" ", parts);
    }

    static Score score(String name, MinutesProposal p, Expected e) {
        List<String> invented = new ArrayList<>();
        List<String> misses = new ArrayList<>();
        int right = 0;
        int kinds = 0;
        for (ExpectedComment x : e.comments()) {
            List<Comment> holders = p.comments().stream().filter(c -> c.text().contains(x.snippet())).toList();
            if (holders.size() != 1) {
                misses.add(name + ": comment '" + x.snippet() + "' in " + holders.size() + " proposed comments");
                continue;
            }
            Comment c = holders.get(0);
            if (x.author().equals("?")) { // the text names no author: right only when left empty or the unnamed member
                boolean nobody = c.author() == null || UnnamedMember.is(c.author());
                if (nobody && x.anchor().equals(anchor(c.anchor()))) {
                    right++;
                } else {
                    misses.add(name + ": comment '" + x.snippet() + "' should have no author, has " + c.author());
                    if (!nobody) {
                        invented.add(name + ": comment '" + x.snippet() + "' given to " + c.author() + " though unclear");
                    }
                }
                continue;
            }
            if (c.author() != null && !c.author().equals(x.author())) {
                invented.add(name + ": comment '" + x.snippet() + "' given to " + c.author() + ", said by " + x.author());
            }
            if (x.author().equals(c.author()) && x.anchor().equals(anchor(c.anchor()))) {
                right++;
            } else {
                misses.add(name + ": comment '" + x.snippet() + "' read as " + c.author() + " " + anchor(c.anchor())
                        + ", expected " + x.author() + " " + x.anchor());
            }
            if (x.kind().equals(String.valueOf(c.kind()))) {
                kinds++;
            }
        }
        Map<String, Comment> byRef = p.comments().stream().collect(Collectors.toMap(Comment::ref, Function.identity()));
        int responsesRight = 0;
        int commitments = 0;
        for (ExpectedResponse x : e.responses()) {
            if (x.commentSnippet().equals("-")) { // the text does not say which comment: right only when not joined
                List<Response> holders = p.responses().stream().filter(r -> r.text().contains(x.answerSnippet())).toList();
                if (!holders.isEmpty() && holders.stream().allMatch(r -> r.commentRef() == null)) {
                    responsesRight++;
                } else {
                    misses.add(name + ": answer '" + x.answerSnippet() + "' should stay unjoined (" + holders.size() + " held)");
                }
                continue;
            }
            boolean ok = false;
            for (Response r : p.responses()) {
                Comment c = r.commentRef() == null ? null : byRef.get(r.commentRef());
                if (r.text().contains(x.answerSnippet()) && c != null && c.text().contains(x.commentSnippet())
                        && x.disposition().equals(String.valueOf(r.disposition()))) {
                    ok = true;
                    if (x.commitment().equals(r.commitment() == null ? "-" : r.commitment().kind().name())) {
                        commitments++;
                    }
                    break;
                }
            }
            if (ok) {
                responsesRight++;
            } else {
                misses.add(name + ": answer '" + x.answerSnippet() + "' to '" + x.commentSnippet() + "' not joined with "
                        + x.disposition());
            }
        }
        // every join the parser made must be one the expected answer has
        for (Response r : p.responses()) {
            if (r.commentRef() == null) {
                continue;
            }
            Comment c = byRef.get(r.commentRef());
            boolean supported = e.responses().stream().anyMatch(x -> r.text().contains(x.answerSnippet())
                    && c != null && !x.commentSnippet().equals("-") && c.text().contains(x.commentSnippet()));
            if (!supported) {
                invented.add(name + ": answer '" + abbreviate(r.text()) + "' joined to " + r.commentRef() + " '"
                        + (c == null ? "?" : abbreviate(c.text())) + "'");
            }
        }
        int meetings = 0;
        int meetingRight = 0;
        if (e.meeting() != null) {
            meetings = 1;
            MinutesProposal.Meeting m = p.meeting();
            String got = dash(m.date()) + " | " + dash(m.start()) + " | " + dash(m.end());
            String want = e.meeting().date() + " | " + e.meeting().start() + " | " + e.meeting().end();
            if (got.equals(want)) {
                meetingRight = 1;
            } else {
                misses.add(name + ": meeting read as " + got + ", expected " + want);
            }
        }
        int peopleRight = 0;
        int peopleCount = e.participants().size();
        if (!e.participants().isEmpty()) {
            for (ExpectedParticipant x : e.participants()) {
                boolean found = p.participants().stream().anyMatch(y -> x.name().equals(y.name())
                        && x.role().equals(String.valueOf(y.role())));
                if (found) {
                    peopleRight++;
                } else {
                    misses.add(name + ": participant " + x.name() + " " + x.role() + " not proposed");
                }
            }
            for (MinutesProposal.Participant y : p.participants()) {
                if (!UnnamedMember.is(y.name()) && e.participants().stream().noneMatch(x -> x.name().equals(y.name()))) {
                    peopleCount++;
                    misses.add(name + ": participant '" + y.name() + "' (" + y.title() + ", " + y.role() + ") proposed, not expected");
                }
            }
        }
        return new Score(e.comments().size(), right, e.responses().size(), responsesRight, invented, misses, kinds,
                commitments, meetings, meetingRight, peopleCount, peopleRight);
    }

    private static String dash(Object o) {
        return o == null ? "-" : o.toString();
    }

    private static String abbreviate(String s) {
        return s.length() > 30 ? s.substring(0, 30) + "…" : s;
    }

    static boolean same(Object a, Object b) {
        return Objects.equals(a, b);
    }
}
