package dev.shingi.deliberation.api;

public enum CommitmentStatus {
    OPEN, FULFILLED, CONCLUDED, WAIVED
}
