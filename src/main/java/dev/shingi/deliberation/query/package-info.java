/**
 * The read side. Each {@code *Projection} belongs to the tracking processor "views" on the durable token store, which alone
 * writes its tables (V3__read_models.sql names the owner of each) and clears them on reset, so every view can be
 * rebuilt from the log. {@link dev.shingi.deliberation.query.DeliberationQueries} answers the {@code Find…} queries.
 */
package dev.shingi.deliberation.query;
