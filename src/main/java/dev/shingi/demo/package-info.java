/**
 * The reference deliberation (../shared/demo/meeting-10.md), loaded through the ordinary command path on first start.
 * Depends on {@code deliberation.api} only.
 */
package dev.shingi.demo;
