package dev.shingi.deliberation.api;

/** A participant's role in one deliberation (主査/座長, 構成員/委員, オブザーバー, 事務局). */
public enum Role {
    CHAIR, MEMBER, OBSERVER, SECRETARIAT
}
