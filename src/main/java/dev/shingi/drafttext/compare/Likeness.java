package dev.shingi.drafttext.compare;

import java.util.HashMap;
import java.util.Map;

/**
 * How alike two sentences read, from 0 to 1 (Dice's coefficient over character pairs). Used only to choose which of
 * the new sentences to show beside a changed one, never to call a passage unchanged.
 */
final class Likeness {
    private Likeness() {
    }

    static double of(String a, String b) {
        if (a.length() < 2 || b.length() < 2) {
            return a.equals(b) ? 1 : 0;
        }
        Map<Integer, Integer> pairs = new HashMap<>();
        for (int i = 0; i + 1 < a.length(); i++) {
            pairs.merge(a.charAt(i) << 16 | a.charAt(i + 1), 1, Integer::sum);
        }
        int shared = 0;
        for (int i = 0; i + 1 < b.length(); i++) {
            Integer left = pairs.get(b.charAt(i) << 16 | b.charAt(i + 1));
            if (left != null && left > 0) {
                shared++;
                pairs.put(b.charAt(i) << 16 | b.charAt(i + 1), left - 1);
            }
        }
        return 2.0 * shared / (a.length() - 1 + b.length() - 1);
    }
}
