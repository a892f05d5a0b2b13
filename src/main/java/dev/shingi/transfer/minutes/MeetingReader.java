package dev.shingi.transfer.minutes;

import dev.shingi.transfer.minutes.MinutesProposal.Meeting;
import dev.shingi.transfer.minutes.MinutesProposal.Uncertain;
import dev.shingi.transfer.minutes.SourceText.Line;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The meeting from the title lines (第N回), the 日時 item (era or Western date, start and end time) and 場所. */
final class MeetingReader {
    /** 「令和4年10月5日」, also with the Western year beside it: 「令和4年（2022年）10月5日」. */
    private static final Pattern ERA_DATE = Pattern.compile(
            "(令和|平成)(\\d{1,2}|元)年(?:[（(](\\d{4})年?[）)])?(\\d{1,2})月(\\d{1,2})日");
    private static final Pattern YEAR_DATE = Pattern.compile("(\\d{4})(?:年|[-/.])(\\d{1,2})(?:月|[-/.])(\\d{1,2})日?");
    /** 14時, 14時30分, 14時半, 14:30, each optionally after 午前/午後 (「午後6時30分」 is 18:30); not 「1時間」. */
    private static final Pattern TIME = Pattern.compile(
            "(午前|午後)?\\s?(\\d{1,2})(?:[:：](\\d{2})|時(?!間)(?:(\\d{1,2})分|半)?)");
    private static final Pattern NUMBER = Pattern.compile("第(\\d+)回");

    private MeetingReader() {
    }

    static Meeting read(Items items, List<Uncertain> flags) {
        StringBuilder title = new StringBuilder();
        for (Line l : items.title()) {
            if (!l.text().matches("^(?:議事要旨|議事概要|議事録)$")) {
                title.append(l.text());
            }
        }
        String t = title.toString().replaceAll("議事要旨$", "").strip();
        Matcher n = NUMBER.matcher(t);
        Integer number = n.find() ? Integer.valueOf(n.group(1)) : null;
        String w = SourceText.text(items.when());
        LocalDate date = null;
        LocalTime start = null;
        LocalTime end = null;
        int after = 0;
        String conflict = null;
        try {
            Matcher era = ERA_DATE.matcher(w);
            Matcher year = YEAR_DATE.matcher(w);
            if (era.find()) {
                int y = era.group(2).equals("元") ? 1 : Integer.parseInt(era.group(2));
                int western = (era.group(1).equals("令和") ? 2018 : 1988) + y;
                date = LocalDate.of(western, Integer.parseInt(era.group(4)), Integer.parseInt(era.group(5)));
                if (era.group(3) != null && Integer.parseInt(era.group(3)) != western) {
                    conflict = era.group();
                    date = null; // the two years disagree: which one is meant, the text does not say
                }
                after = era.end();
            } else if (year.find()) {
                date = LocalDate.of(Integer.parseInt(year.group(1)), Integer.parseInt(year.group(2)),
                        Integer.parseInt(year.group(3)));
                after = year.end();
            }
        } catch (DateTimeException | NumberFormatException e) {
            date = null;
        }
        Matcher tm = TIME.matcher(w);
        String half = null;
        if (tm.find(after)) {
            half = tm.group(1);
            start = time(tm, null, items, flags);
            boolean startUnsure = start == null && half == null; // 「6時30分」: morning or evening, not said
            if (tm.find()) {
                if (startUnsure && tm.group(1) == null && Integer.parseInt(tm.group(2)) <= 12) {
                    // 「6時30分～8時」: 8時 is as unsure as the start it follows (08:00 or 20:00)
                    flags.add(Uncertain.of(SourceText.span(items.when()), "'" + tm.group().strip() + "' says neither "
                            + "午前 nor 午後 and may be morning or evening: left empty", "meeting-time-ambiguous",
                            tm.group().strip()));
                } else {
                    // 「午後7時~8時50分」: the end without a mark is in the same half of the day as the start
                    end = time(tm, half, items, flags);
                }
            }
        }
        if (start != null && end != null && end.isBefore(start)) {
            flags.add(Uncertain.of(SourceText.span(items.when()), "the meeting ends (" + end + ") before it starts ("
                    + start + "): the end is left empty", "meeting-end-before-start", start, end));
            end = null;
        }
        if (conflict != null) {
            flags.add(Uncertain.of(SourceText.span(items.when()), "the era year and the Western year of '" + conflict
                    + "' disagree: the date is left empty", "meeting-date-conflict", conflict));
        }
        if (date == null || start == null) {
            flags.add(Uncertain.of(SourceText.span(items.when()),
                    "the date or the starting time of the meeting could not be read from 日時", "meeting-when"));
        }
        if (t.isEmpty()) {
            flags.add(Uncertain.of(List.of(1, 1), "no meeting title before the numbered items", "meeting-title"));
        }
        String venue = SourceText.text(items.where());
        return new Meeting(t.isEmpty() ? null : t, number, date, start, end, venue.isEmpty() ? null : venue);
    }

    /**
     * 14時, 14時30分, 14時半, 14:30; 午後 adds twelve hours to 1–11 時. {@code half} is the start's mark, carried to an
     * end written without one. Without any mark an hour of 1–6 may be morning or evening (「6時30分」): left empty
     * and flagged, as is a time that is no time of day (「25時」, 「午後13時」).
     */
    private static LocalTime time(Matcher m, String half, Items items, List<Uncertain> flags) {
        int hour = Integer.parseInt(m.group(2));
        String mark = m.group(1) != null ? m.group(1) : hour <= 12 ? half : null; // 「午前9時～13時」: 13時 is 24-hour
        int minutes = m.group(3) != null ? Integer.parseInt(m.group(3))
                : m.group(4) != null ? Integer.parseInt(m.group(4)) : m.group().endsWith("半") ? 30 : 0;
        boolean valid = minutes < 60 && (mark == null ? hour <= 24 : hour <= 12);
        if (valid && "午後".equals(mark) && hour < 12) {
            hour += 12;
        }
        if (valid && mark == null && hour >= 1 && hour <= 6) {
            flags.add(Uncertain.of(SourceText.span(items.when()), "'" + m.group().strip() + "' says neither 午前 nor 午後 "
                    + "and may be morning or evening: left empty", "meeting-time-ambiguous", m.group().strip()));
            return null;
        }
        if (!valid || hour == 24) {
            flags.add(Uncertain.of(SourceText.span(items.when()), "'" + m.group().strip() + "' is no time of day: left empty",
                    "meeting-time-invalid", m.group().strip()));
            return null;
        }
        return LocalTime.of(hour, minutes);
    }
}
