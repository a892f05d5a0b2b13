/**
 * Import and export: documents in, proposals or records out. Each format is a subpackage ({@code minutes} for
 * summary minutes, {@code reports}, {@code ledger}) that speaks to the ledger only through {@code deliberation.api}
 * and {@code platform}, as any client would.
 */
package dev.shingi.transfer;
