package dev.shingi.transfer.minutes;

import dev.shingi.transfer.minutes.MinutesProposal.Participant;

import java.util.ArrayList;
import java.util.List;

/**
 * The participants known so far — the attendee list, then speakers and authors of written comments the list lacks —
 * and the ways the minutes refer to one of them. Lookups return every candidate: two attendees listed alike are still
 * two people, and the caller decides what an ambiguity means.
 */
final class Roster {
    private final List<Participant> participants;

    Roster(List<Participant> participants) {
        this.participants = new ArrayList<>(participants);
    }

    Roster copy() {
        return new Roster(participants);
    }

    List<Participant> all() {
        return List.copyOf(participants);
    }

    void add(Participant p) {
        participants.add(p);
    }

    /** Attendees a speaker as written may be: exact name and title first, then same name and a compatible title. */
    List<Participant> resolve(String written) {
        List<Participant> exact = new ArrayList<>();
        for (Participant p : participants) {
            if (written.equals(p.name() + (p.title() == null ? "" : p.title()))) {
                exact.add(p);
            }
        }
        if (!exact.isEmpty()) {
            return exact;
        }
        Titles.NameAndTitle nt = Titles.split(written);
        List<Participant> same = named(nt.name(), nt.title());
        if (same.isEmpty()) { // 「藤原安全・信頼性対策室長」: a listed name, then the end of the listed title
            for (Participant p : participants) {
                if (!p.name().isEmpty() && p.title() != null && written.startsWith(p.name())
                        && written.length() > p.name().length() + 1
                        && p.title().replaceFirst("[（(][^（()）]*[）)]$", "").endsWith(written.substring(p.name().length()))) {
                    same.add(p);
                }
            }
        }
        return same;
    }

    /**
     * Attendees of this name whose listed title the given one may stand for. The name as spoken is often the family
     * name alone (「鈴木委員」 for 「鈴木 夕子」, 「江口部会長」 for 「江口隆裕」): the same name first, else a listed name
     * that begins with it (before a space, or followed by at most three characters of a given name). A member listed
     * with an affiliation for title (「さくら商工会議所事務局長」) is still a 委員 when spoken of, and a chair a 会長.
     */
    List<Participant> named(String name, String title) {
        List<Participant> found = new ArrayList<>();
        for (Participant p : participants) {
            if (p.name().equals(name) && Titles.compatible(p.title(), title)) {
                found.add(p);
            }
        }
        if (!found.isEmpty() || name.isEmpty()) {
            return found;
        }
        for (Participant p : participants) {
            String n = p.name();
            boolean family = n.startsWith(name + " ")
                    || (n.startsWith(name) && !n.contains(" ") && n.length() > name.length() && n.length() - name.length() <= 3
                    && name.length() >= 2);
            if (family && (Titles.compatible(p.title(), title) || Titles.sameRole(p.role(), p.title(), title))) {
                found.add(p);
            }
        }
        return found;
    }

    /**
     * The one attendee holding a title that is not a member's (「（座長）」 when the list has one 座長; 「行革推進課長)」
     * when one official is listed so), else null. 委員 or 構成員 alone is nobody in particular.
     */
    Participant soleHolder(String title) {
        if (Titles.ANONYMOUS.contains(title) || title.length() < 2 || !(Titles.CHAIR_TITLES.contains(title)
                || Titles.MEMBER_TITLES.contains(title) || Titles.roleOf(title) == dev.shingi.deliberation.api.Role.SECRETARIAT)) {
            return null;
        }
        List<Participant> holders = participants.stream().filter(p -> title.equals(p.title())).toList();
        return holders.size() == 1 ? holders.get(0) : null;
    }

    /** The one attendee whose name ends {@code before} (the text before a title), or null when none or several. */
    Participant endingWith(String before, String title) {
        List<Participant> found = new ArrayList<>();
        for (int k = Math.min(before.length(), 8); k >= 1 && found.isEmpty(); k--) {
            found.addAll(named(before.substring(before.length() - k), title));
        }
        return found.size() == 1 ? found.get(0) : null;
    }
}
