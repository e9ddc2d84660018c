package cn.supervision.report.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import cn.supervision.api.problem.FieldError;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Role;
import cn.supervision.api.security.UserDirectory;
import cn.supervision.api.security.UserInfo;

/** Who a report may be sent to: LEADER users of its own jurisdiction, as the platform's user directory knows them. */
final class Leaders {
    static final int MAX_RECIPIENTS = 20;

    private final UserDirectory users;

    Leaders(UserDirectory users) {
        this.users = users;
    }

    /** The distinct leaders named, in order; 400 naming each one that is not a leader of the jurisdiction. */
    List<String> check(String jurisdictionCode, List<String> names) {
        if (names == null || names.isEmpty() || names.size() > MAX_RECIPIENTS) {
            throw SupervisionException.invalid("leaders", "须指定报送的领导（1 至 " + MAX_RECIPIENTS + " 人）");
        }
        List<FieldError> errors = new ArrayList<>();
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i) == null ? "" : names.get(i).trim();
            Optional<UserInfo> user = name.isEmpty() ? Optional.empty() : users.user(name);
            if (user.isEmpty()) {
                errors.add(new FieldError("leaders[" + i + "]", "用户“" + name + "”不存在"));
            } else if (!user.get().leaderOf(jurisdictionCode)) {
                errors.add(new FieldError("leaders[" + i + "]", "用户“" + name + "”不是行政区划 " + jurisdictionCode + " 的领导"));
            } else if (!out.add(name)) {
                errors.add(new FieldError("leaders[" + i + "]", "“" + name + "”重复"));
            }
        }
        if (!errors.isEmpty()) {
            throw SupervisionException.invalid("报送对象有 " + errors.size() + " 处错误", errors);
        }
        return List.copyOf(out);
    }

    /** A leader acting as such (not an office account that also holds the role): limited to the reports sent to him. */
    static boolean actsAsLeader(Caller caller) {
        return !caller.isSystem() && caller.has(Role.LEADER) && !caller.administers();
    }
}
