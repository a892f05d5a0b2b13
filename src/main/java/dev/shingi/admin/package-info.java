/** Operating the ledger: rebuilding every read model from the log, over HTTP and from the command line. */
package dev.shingi.admin;
