/** Where versions' documents are kept: the {@code draft_document} table, by SHA-256. */
package dev.shingi.drafttext.store;
