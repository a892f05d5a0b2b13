package dev.shingi.transfer.iso;

/** The same file (by SHA-256) was imported into this deliberation before: refused (409), naming that import. */
class SameFile extends RuntimeException {
    static final String RULE = "import.same-file";
    final TableImports.Earlier earlier;

    SameFile(TableImports.Earlier earlier) {
        super("This file was imported into the deliberation before (import " + earlier.importId() + " of "
                + earlier.importedAt() + (earlier.importedBy() == null ? "" : " by " + earlier.importedBy()) + ", "
                + earlier.comments() + " comment(s), " + earlier.responses() + " response(s)); nothing was recorded.");
        this.earlier = earlier;
    }
}
