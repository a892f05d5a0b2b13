/** The draft text's contract: plain records that the deliberation, the pages and the transfers may read. */
package dev.shingi.drafttext.api;
