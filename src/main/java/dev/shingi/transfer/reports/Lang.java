package dev.shingi.transfer.reports;

import dev.shingi.edge.InvalidInput;

import java.util.List;
import java.util.Locale;

/** The two languages of the reports. Japanese first: it is the language the reference deliberations are held in. */
enum Lang {
    JA(Locale.JAPANESE), EN(Locale.ENGLISH);

    final Locale locale;

    Lang(Locale locale) {
        this.locale = locale;
    }

    /** {@code lang} when given (ja|en, else 400), else the first of ja/en in Accept-Language's order, else ja. */
    static Lang of(String lang, String acceptLanguage) {
        if (lang != null) {
            return switch (lang.trim().toLowerCase(Locale.ROOT)) {
                case "ja" -> JA;
                case "en" -> EN;
                default -> throw new InvalidInput("lang", "'" + lang + "' is not a language of the reports; use ja or en");
            };
        }
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return JA;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                if (range.getWeight() <= 0) {
                    continue;
                }
                String tag = range.getRange().toLowerCase(Locale.ROOT);
                if (tag.equals("ja") || tag.startsWith("ja-")) {
                    return JA;
                }
                if (tag.equals("en") || tag.startsWith("en-")) {
                    return EN;
                }
            }
        } catch (IllegalArgumentException malformed) {
            return JA; // a header no browser sends; the default language rather than an error
        }
        return JA;
    }

    static final List<String> CODES = List.of("ja", "en");
}
