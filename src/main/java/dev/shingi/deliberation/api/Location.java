package dev.shingi.deliberation.api;

/** Where in a revised draft a commitment was kept: page, footnote, section (each optional). */
public record Location(Integer page, String footnote, String section) {

    public String describe() {
        StringBuilder s = new StringBuilder();
        if (page != null) s.append("p.").append(page);
        if (footnote != null) s.append(s.isEmpty() ? "" : " ").append("fn.").append(footnote);
        if (section != null) s.append(s.isEmpty() ? "" : " ").append("§").append(section);
        return s.isEmpty() ? "—" : s.toString();
    }
}
