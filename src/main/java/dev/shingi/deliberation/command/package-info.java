/**
 * The write side: aggregates and their rules. Package-private on purpose; other packages send commands from
 * {@code deliberation.api}.
 * <p>
 * Consistency boundaries (docs/adr/002-consistency-boundaries.md): {@link dev.shingi.deliberation.command.Deliberation}
 * holds participants and meetings; every comment is its own {@code Comment} aggregate, so members commenting at once
 * never wait on one lock; every draft version is its own {@code DraftVersion} aggregate, so a version number is taken
 * once. Rules that span them read the {@code Directory}, a lookup the same transaction keeps.
 */
package dev.shingi.deliberation.command;
