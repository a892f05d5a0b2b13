/**
 * The read side. Each {@code *Projection} belongs to the tracking processor "views" on the durable token store, which alone
 * writes its tables (V3__read_models.sql names the owner of each) and clears them on reset, so every view can be
 * rebuilt from the log. One {@code *Queries} class per view answers its {@code Find…} queries, its SQL beside it;
 * {@link dev.shingi.deliberation.query.AsOfSql} is how each asks "as of" both clocks, and
 * {@link dev.shingi.deliberation.query.ViewRows} the reads and rows several views share.
 */
package dev.shingi.deliberation.query;
