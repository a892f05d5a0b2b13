package dev.shingi.deliberation.api;

/**
 * A participant's role in one deliberation (主査/座長, 構成員/委員, オブザーバー, 事務局). A public review's commenter
 * (パブリックコメント提出者) and a standards body's national body or liaison (国代表団体) comment without being members:
 * a comment table brings them in (docs/reports.md).
 */
public enum Role {
    CHAIR, MEMBER, OBSERVER, SECRETARIAT, PUBLIC_COMMENTER, NATIONAL_BODY
}
