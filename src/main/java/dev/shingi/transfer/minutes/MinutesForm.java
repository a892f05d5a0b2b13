package dev.shingi.transfer.minutes;

import dev.shingi.deliberation.api.CommentKind;
import dev.shingi.deliberation.api.CommitmentKind;
import dev.shingi.deliberation.api.Disposition;
import dev.shingi.deliberation.api.Role;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The proposal as the page's form binds it: {@link MinutesProposal} is made of records, which Spring's form binding
 * cannot fill by property path ({@code comments[3].anchor.pages}), so the page binds this mutable mirror with the same
 * property names and converts it to and from the proposal. Every value is text as the browser sends it (blank is
 * null); line ranges and pages are written "35,36". Text that is not a date, a time, a number or a known name of an
 * enum is not guessed at: it is kept in {@link #unreadable} for the page to show beside its field.
 */
public class MinutesForm {
    private Meeting meeting = new Meeting();
    private List<Material> materials = new ArrayList<>();
    private List<Participant> participants = new ArrayList<>();
    private List<Comment> comments = new ArrayList<>();
    private List<Response> responses = new ArrayList<>();
    private List<Uncertain> uncertain = new ArrayList<>();

    public static class Meeting {
        private String title, number, date, start, end, venue;
        public String getTitle() { return title; } public void setTitle(String v) { title = v; }
        public String getNumber() { return number; } public void setNumber(String v) { number = v; }
        public String getDate() { return date; } public void setDate(String v) { date = v; }
        public String getStart() { return start; } public void setStart(String v) { start = v; }
        public String getEnd() { return end; } public void setEnd(String v) { end = v; }
        public String getVenue() { return venue; } public void setVenue(String v) { venue = v; }
    }

    public static class Material {
        private String number, title;
        public String getNumber() { return number; } public void setNumber(String v) { number = v; }
        public String getTitle() { return title; } public void setTitle(String v) { title = v; }
    }

    public static class Participant {
        private String name, title, role, participantId;
        public String getParticipantId() { return participantId; } public void setParticipantId(String v) { participantId = v; }
        public String getName() { return name; } public void setName(String v) { name = v; }
        public String getTitle() { return title; } public void setTitle(String v) { title = v; }
        public String getRole() { return role; } public void setRole(String v) { role = v; }
    }

    public static class Anchor {
        private String pages, footnote, section;
        public String getPages() { return pages; } public void setPages(String v) { pages = v; }
        public String getFootnote() { return footnote; } public void setFootnote(String v) { footnote = v; }
        public String getSection() { return section; } public void setSection(String v) { section = v; }
    }

    public static class Comment {
        private String ref, author, kind, text, lines;
        private Anchor anchor = new Anchor();
        public String getRef() { return ref; } public void setRef(String v) { ref = v; }
        public String getAuthor() { return author; } public void setAuthor(String v) { author = v; }
        public Anchor getAnchor() { return anchor; } public void setAnchor(Anchor v) { anchor = v; }
        public String getKind() { return kind; } public void setKind(String v) { kind = v; }
        public String getText() { return text; } public void setText(String v) { text = v; }
        public String getLines() { return lines; } public void setLines(String v) { lines = v; }
    }

    public static class Commitment {
        private String kind, description;
        public String getKind() { return kind; } public void setKind(String v) { kind = v; }
        public String getDescription() { return description; } public void setDescription(String v) { description = v; }
    }

    public static class Response {
        private String commentRef, responder, disposition, evidence, text, lines;
        private Commitment commitment = new Commitment();
        public String getCommentRef() { return commentRef; } public void setCommentRef(String v) { commentRef = v; }
        public String getResponder() { return responder; } public void setResponder(String v) { responder = v; }
        public String getDisposition() { return disposition; } public void setDisposition(String v) { disposition = v; }
        public Commitment getCommitment() { return commitment; } public void setCommitment(Commitment v) { commitment = v; }
        public String getEvidence() { return evidence; } public void setEvidence(String v) { evidence = v; }
        public String getText() { return text; } public void setText(String v) { text = v; }
        public String getLines() { return lines; } public void setLines(String v) { lines = v; }
    }

    public static class Uncertain {
        private String lines, reason, code;
        private List<String> args = new ArrayList<>();
        public String getLines() { return lines; } public void setLines(String v) { lines = v; }
        public String getReason() { return reason; } public void setReason(String v) { reason = v; }
        public String getCode() { return code; } public void setCode(String v) { code = v; }
        public List<String> getArgs() { return args; } public void setArgs(List<String> v) { args = v; }
    }

    public Meeting getMeeting() { return meeting; } public void setMeeting(Meeting v) { meeting = v; }
    public List<Material> getMaterials() { return materials; } public void setMaterials(List<Material> v) { materials = v; }
    public List<Participant> getParticipants() { return participants; } public void setParticipants(List<Participant> v) { participants = v; }
    public List<Comment> getComments() { return comments; } public void setComments(List<Comment> v) { comments = v; }
    public List<Response> getResponses() { return responses; } public void setResponses(List<Response> v) { responses = v; }
    public List<Uncertain> getUncertain() { return uncertain; } public void setUncertain(List<Uncertain> v) { uncertain = v; }

    /** The proposal as the page shows it for editing. */
    public static MinutesForm of(MinutesProposal p) {
        MinutesForm f = new MinutesForm();
        MinutesProposal.Meeting m = p.meeting();
        if (m != null) {
            f.meeting.title = m.title();
            f.meeting.number = str(m.number());
            f.meeting.date = str(m.date());
            f.meeting.start = str(m.start());
            f.meeting.end = str(m.end());
            f.meeting.venue = m.venue();
        }
        for (MinutesProposal.Material x : list(p.materials())) {
            Material y = new Material();
            y.number = x.number();
            y.title = x.title();
            f.materials.add(y);
        }
        for (MinutesProposal.Participant x : list(p.participants())) {
            Participant y = new Participant();
            y.name = x.name();
            y.title = x.title();
            y.role = str(x.role());
            y.participantId = x.participantId();
            f.participants.add(y);
        }
        for (MinutesProposal.Comment x : list(p.comments())) {
            Comment y = new Comment();
            y.ref = x.ref();
            y.author = x.author();
            if (x.anchor() != null) {
                y.anchor.pages = ints(x.anchor().pages());
                y.anchor.footnote = x.anchor().footnote();
                y.anchor.section = x.anchor().section();
            }
            y.kind = str(x.kind());
            y.text = x.text();
            y.lines = ints(x.lines());
            f.comments.add(y);
        }
        for (MinutesProposal.Response x : list(p.responses())) {
            Response y = new Response();
            y.commentRef = x.commentRef();
            y.responder = x.responder();
            y.disposition = str(x.disposition());
            if (x.commitment() != null) {
                y.commitment.kind = str(x.commitment().kind());
                y.commitment.description = x.commitment().description();
            }
            y.evidence = x.evidence();
            y.text = x.text();
            y.lines = ints(x.lines());
            f.responses.add(y);
        }
        for (MinutesProposal.Uncertain x : list(p.uncertain())) {
            Uncertain y = new Uncertain();
            y.lines = ints(x.lines());
            y.reason = x.reason();
            y.code = x.code();
            y.args = new ArrayList<>(x.args());
            f.uncertain.add(y);
        }
        return f;
    }

    /** Form fields (as the form names them) whose text is not a value of their type, with that text. */
    public final java.util.Map<String, String> unreadable = new java.util.LinkedHashMap<>();

    /** The edited proposal; a field that cannot be read is null (and named in {@link #unreadable}). */
    public MinutesProposal toProposal() {
        unreadable.clear();
        Meeting m = meeting == null ? new Meeting() : meeting;
        MinutesProposal.Meeting mt = new MinutesProposal.Meeting(blank(m.title),
                read("meeting.number", m.number, Integer::valueOf), read("meeting.date", m.date, LocalDate::parse),
                read("meeting.start", m.start, LocalTime::parse), read("meeting.end", m.end, LocalTime::parse),
                blank(m.venue));
        List<MinutesProposal.Material> mats = new ArrayList<>();
        for (Material x : nonNull(materials)) {
            mats.add(new MinutesProposal.Material(blank(x.number), blank(x.title)));
        }
        List<MinutesProposal.Participant> people = new ArrayList<>();
        for (int i = 0; i < nonNull(participants).size(); i++) {
            Participant x = participants.get(i);
            people.add(new MinutesProposal.Participant(blank(x.name), blank(x.title),
                    read("participants[" + i + "].role", x.role, Role::valueOf), blank(x.participantId)));
        }
        List<MinutesProposal.Comment> cs = new ArrayList<>();
        for (int i = 0; i < nonNull(comments).size(); i++) {
            Comment x = comments.get(i);
            String at = "comments[" + i + "]";
            Anchor a = x.anchor == null ? new Anchor() : x.anchor;
            List<Integer> pages = read(at + ".anchor.pages", a.pages, MinutesForm::parseInts);
            cs.add(new MinutesProposal.Comment(blank(x.ref), blank(x.author),
                    new MinutesProposal.Anchor(pages == null ? List.of() : pages, blank(a.footnote), blank(a.section)),
                    read(at + ".kind", x.kind, CommentKind::valueOf), lf(x.text),
                    read(at + ".lines", x.lines, MinutesForm::parseInts)));
        }
        List<MinutesProposal.Response> rs = new ArrayList<>();
        for (int i = 0; i < nonNull(responses).size(); i++) {
            Response x = responses.get(i);
            String at = "responses[" + i + "]";
            Commitment c = x.commitment;
            MinutesProposal.Commitment made = c == null || (blank(c.kind) == null && blank(c.description) == null) ? null
                    : new MinutesProposal.Commitment(read(at + ".commitment.kind", c.kind, CommitmentKind::valueOf),
                    blank(c.description));
            rs.add(new MinutesProposal.Response(blank(x.commentRef), blank(x.responder),
                    read(at + ".disposition", x.disposition, Disposition::valueOf), made, blank(x.evidence),
                    lf(x.text), read(at + ".lines", x.lines, MinutesForm::parseInts)));
        }
        List<MinutesProposal.Uncertain> us = new ArrayList<>();
        for (int i = 0; i < nonNull(uncertain).size(); i++) {
            Uncertain x = uncertain.get(i);
            us.add(new MinutesProposal.Uncertain(read("uncertain[" + i + "].lines", x.lines, MinutesForm::parseInts),
                    blank(x.reason), blank(x.code), x.args == null ? List.of() : x.args.stream().map(a -> a == null ? "" : a).toList()));
        }
        return new MinutesProposal(mt, mats, people, cs, rs, us);
    }

    private <T> T read(String field, String text, Function<String, T> parse) {
        String t = blank(text);
        if (t == null) {
            return null;
        }
        try {
            return parse.apply(t);
        } catch (RuntimeException e) {
            unreadable.put(field, t);
            return null;
        }
    }

    /** "15", "18,19", "18–19" or "18 19" → the numbers. */
    static List<Integer> parseInts(String s) {
        List<Integer> out = new ArrayList<>();
        for (String part : s.split("[\\s,、，\\-–〜~]+")) {
            if (!part.isEmpty()) {
                out.add(Integer.valueOf(part));
            }
        }
        return out;
    }

    private static String ints(List<Integer> xs) {
        return xs == null ? null : String.join(",", xs.stream().map(String::valueOf).toList());
    }

    private static String str(Object o) {
        return o == null ? null : o instanceof Enum<?> e ? e.name() : o.toString();
    }

    /** A textarea's text as written; browsers send its line ends as CRLF. */
    private static String lf(String s) {
        return s == null ? null : s.replace("\r\n", "\n");
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static <T> List<T> list(List<T> xs) {
        return xs == null ? List.of() : xs.stream().filter(Objects::nonNull).toList();
    }

    private static <T> List<T> nonNull(List<T> xs) {
        return xs == null ? List.of() : xs;
    }
}
