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
    private static final Pattern ERA_DATE = Pattern.compile("(令和|平成)(\\d{1,2}|元)年(\\d{1,2})月(\\d{1,2})日");
    private static final Pattern YEAR_DATE = Pattern.compile("(\\d{4})(?:年|[-/.])(\\d{1,2})(?:月|[-/.])(\\d{1,2})日?");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2})(?:[:：](\\d{2})|時(?:(\\d{1,2})分|半)?)");
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
        try {
            Matcher era = ERA_DATE.matcher(w);
            Matcher year = YEAR_DATE.matcher(w);
            if (era.find()) {
                int y = era.group(2).equals("元") ? 1 : Integer.parseInt(era.group(2));
                date = LocalDate.of((era.group(1).equals("令和") ? 2018 : 1988) + y,
                        Integer.parseInt(era.group(3)), Integer.parseInt(era.group(4)));
                after = era.end();
            } else if (year.find()) {
                date = LocalDate.of(Integer.parseInt(year.group(1)), Integer.parseInt(year.group(2)),
                        Integer.parseInt(year.group(3)));
                after = year.end();
            }
            Matcher tm = TIME.matcher(w);
            if (tm.find(after)) {
                start = time(tm);
                if (tm.find()) {
                    end = time(tm);
                }
            }
        } catch (DateTimeException | NumberFormatException e) {
            date = null;
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

    /** 14時, 14時30分, 14時半, 14:30. */
    private static LocalTime time(Matcher m) {
        int minutes = m.group(2) != null ? Integer.parseInt(m.group(2))
                : m.group(3) != null ? Integer.parseInt(m.group(3)) : m.group().endsWith("半") ? 30 : 0;
        return LocalTime.of(Integer.parseInt(m.group(1)), minutes);
    }
}
