/**
 * Summary minutes (議事要旨) in: {@link dev.shingi.transfer.minutes.MinutesParser} turns the plain text of a minutes
 * PDF into a {@link dev.shingi.transfer.minutes.MinutesProposal} (pure Java, no Spring); nothing is recorded until a
 * secretariat user confirms it, through {@code MinutesImporter}, with the ordinary commands. The parser is a pipeline
 * of package-private stages (items → turns → points → joined answers), listed in its javadoc. docs/import-minutes.md
 * describes the format understood and every rule.
 */
package dev.shingi.transfer.minutes;
