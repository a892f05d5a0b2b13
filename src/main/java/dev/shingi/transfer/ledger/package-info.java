/**
 * The whole ledger, or one deliberation's part of it, as JSON Lines: export (a backup) and import into an empty
 * ledger (a restore), over HTTP ({@code /api/admin/export}, {@code /api/admin/import}) and on the command line
 * ({@code --export=FILE}, {@code --import=FILE}). The format is docs/backup.md's.
 */
package dev.shingi.transfer.ledger;
