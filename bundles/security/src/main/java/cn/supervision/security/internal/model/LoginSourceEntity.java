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
 * An origin a user logged in from successfully (a "usual" one, exempt from the per-user failure count), with the last
 * such login; shared by every node. Written with plain SQL by {@code LoginRecords}; the entity is the table's mapping.
 */
@Entity
@Table(name = "SV_LOGIN_SOURCE", indexes = @Index(name = "IX_LOGIN_SOURCE_LASTOK", columnList = "LASTOKAT"))
@IdClass(LoginSourceEntity.Key.class)
public class LoginSourceEntity {
    @Id
    @Column(length = 200)
    private String username;
    @Id
    @Column(length = 64)
    private String origin;
    private long lastOkAt;

    public LoginSourceEntity() {
    }

    public String getUsername() { return username; }
    public String getOrigin() { return origin; }
    public long getLastOkAt() { return lastOkAt; }

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
