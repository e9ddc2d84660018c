package cn.supervision.security.internal.model;

import java.io.Serializable;
import java.util.Objects;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Index;
import javax.persistence.Table;

/**
 * Failed logins of a user from one origin (a client address, an IPv6 /64), or from every origin ({@code ORIGIN = '*'}),
 * shared by every node: the count, the moment before which the next attempt is refused unchecked, and when the row is
 * forgotten. Written with plain SQL by {@code LoginRecords}; the entity is the table's mapping.
 */
@Entity
@Table(name = "SV_LOGIN_FAILURE", indexes = @Index(name = "IX_LOGIN_FAILURE_EXPIRES", columnList = "EXPIRESAT"))
@IdClass(LoginFailureEntity.Key.class)
public class LoginFailureEntity {
    @Id
    @Column(length = 200)
    private String username;
    @Id
    @Column(length = 64)
    private String origin;
    private int failures;
    private long blockedUntil;
    private long expiresAt;

    public LoginFailureEntity() {
    }

    public String getUsername() { return username; }
    public String getOrigin() { return origin; }
    public int getFailures() { return failures; }
    public long getBlockedUntil() { return blockedUntil; }
    public long getExpiresAt() { return expiresAt; }

    /** The primary key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public String username;
        public String origin;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(username, k.username) && Objects.equals(origin, k.origin);
        }

        @Override
        public int hashCode() {
            return Objects.hash(username, origin);
        }
    }
}
