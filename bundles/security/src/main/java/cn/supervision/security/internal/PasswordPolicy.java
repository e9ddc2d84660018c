package cn.supervision.security.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a new password must be: at least {@link #MIN_LENGTH} characters from at least three of four classes
 * (lower case, upper case, digits, anything else), not containing the username, not a well-known password.
 * Enforced where hashes are made ({@code supervision:password-hash}): the users file only holds hashes, so the
 * realm cannot judge a password it has never seen.
 */
final class PasswordPolicy {
    static final int MIN_LENGTH = 12;

    /** Common passwords (and their stems) that pass the class rule but are the first ones guessed. */
    private static final Set<String> COMMON = Set.of(
            "password", "passw0rd", "p@ssw0rd", "p@ssword", "123456", "12345678", "123456789", "1234567890", "qwerty",
            "qwerty123", "1q2w3e4r", "1qaz2wsx", "abc123", "admin", "admin123", "administrator", "root", "welcome",
            "letmein", "iloveyou", "changeme", "secret", "88888888", "666666", "5201314", "woaini", "a123456",
            "aa123456", "abcd1234", "zxcvbnm", "asdfghjkl", "supervision", "dongying");

    private PasswordPolicy() {
    }

    /** Every reason the password is refused, in Chinese; empty when it is acceptable. */
    static List<String> problems(String username, char[] password) {
        List<String> problems = new ArrayList<>();
        String pw = new String(password);
        if (pw.codePointCount(0, pw.length()) < MIN_LENGTH) {
            problems.add("密码至少需要 " + MIN_LENGTH + " 个字符");
        }
        int classes = 0;
        classes += pw.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
        classes += pw.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
        classes += pw.chars().anyMatch(Character::isDigit) ? 1 : 0;
        classes += pw.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
        if (classes < 3) {
            problems.add("密码需包含小写字母、大写字母、数字、其他符号中的至少三类");
        }
        String lower = pw.toLowerCase(Locale.ROOT);
        if (username != null && !username.isBlank() && lower.contains(username.trim().toLowerCase(Locale.ROOT))) {
            problems.add("密码不能包含用户名");
        }
        // "Password123!" passes the class rule: strip digits and symbols at the ends before comparing
        String stem = lower.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
        if (COMMON.contains(lower) || COMMON.contains(stem) || COMMON.stream().anyMatch(c -> c.length() >= 6 && lower.contains(c))) {
            problems.add("密码过于常见");
        }
        return problems;
    }
}
