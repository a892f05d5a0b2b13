package dev.shingi.transfer.minutes;

import dev.shingi.transfer.minutes.MinutesProposal.Uncertain;

/**
 * An uncertainty raised while reading turn {@code turn} (its index among the turns). The proposal lists a turn's
 * flags together — first those about the points it raised, then those about its answers — so the reviewer reads
 * them in the order of the minutes.
 */
record TurnFlag(int turn, Uncertain flag) {
}
