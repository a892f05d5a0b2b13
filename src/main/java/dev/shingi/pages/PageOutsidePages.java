package dev.shingi.pages;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A page controller that lives outside {@code pages} because it needs a capability the pages may not reach (the
 * rebuild, the integrity check, an importer), and still is a page: {@link PageAdvice} gives it what every page has
 * (layout, language, who is signed in, the rebuild notice) and turns its errors into pages in the reader's language.
 * The annotation points from that package to this one, never the other way, so the packages stay free of cycles.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PageOutsidePages {
}
