/**
 * Tamper evidence: every stored event carries an HMAC chained to the previous event of its aggregate; checkpoints
 * record the head of every aggregate, so a deleted tail shows too; {@code verify} recomputes it all (docs/security.md).
 */
package dev.shingi.integrity;
