package dev.shingi.drafttext.compare;

import java.util.List;

/**
 * Where a sentence occurs twice, a minimal diff may pair the wrong copy: v1 "S S", v2 "S′ S" can come out as "S′
 * inserted, S kept, S deleted" instead of "S became S′, S kept". Both are minimal; only the second is what the
 * secretariat did. Sliding a run of deleted (or inserted) sentences over equal neighbours until it meets a run of the
 * other kind, when it can, merges the two into one edit and pairs each copy with its own place. A run that cannot meet
 * one stays where the diff put it.
 */
final class Compaction {
    private Compaction() {
    }

    /**
     * Slides runs of {@code side}'s unpaired units ({@code map[i] < 0}); {@code other} is the inverse map, kept in step.
     * Called once with the old side (deletions) and once with the new (insertions).
     */
    static void slide(int[] map, int[] other, List<String> texts) {
        int i = 0;
        while (i < map.length) {
            if (map[i] >= 0) {
                i++;
                continue;
            }
            int from = i;
            int to = i;
            while (to < map.length && map[to] < 0) {
                to++;
            }
            if (!meetsOther(map, other, from, to)) {
                if (!tryShift(map, other, texts, from, to, -1)) {
                    tryShift(map, other, texts, from, to, +1);
                }
            }
            i = to;
        }
    }

    /** Whether the run [from, to) sits where the other side has unpaired units too (so it is already a change). */
    private static boolean meetsOther(int[] map, int[] other, int from, int to) {
        int before = from > 0 ? map[from - 1] : -1;
        int after = to < map.length ? map[to] : other.length;
        return after - before > 1;
    }

    /** Shifts the run step by step in {@code direction}; keeps the shift only if the run then meets the other side. */
    private static boolean tryShift(int[] map, int[] other, List<String> texts, int from, int to, int direction) {
        int[] saved = map.clone();
        int[] savedOther = other.clone();
        int f = from;
        int t = to;
        while (true) {
            if (direction < 0) {
                if (f == 0 || map[f - 1] < 0 || !texts.get(f - 1).equals(texts.get(t - 1))) {
                    break;
                }
                map[t - 1] = map[f - 1];
                other[map[t - 1]] = t - 1;
                map[f - 1] = -1;
                f--;
                t--;
            } else {
                if (t == map.length || map[t] < 0 || !texts.get(t).equals(texts.get(f))) {
                    break;
                }
                map[f] = map[t];
                other[map[f]] = f;
                map[t] = -1;
                f++;
                t++;
            }
            if (meetsOther(map, other, f, t)) {
                return true;
            }
        }
        System.arraycopy(saved, 0, map, 0, map.length);
        System.arraycopy(savedOther, 0, other, 0, other.length);
        return false;
    }
}
