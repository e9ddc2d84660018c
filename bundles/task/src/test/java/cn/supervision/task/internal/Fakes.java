package cn.supervision.task.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import cn.supervision.api.cooperation.Department;
import cn.supervision.api.cooperation.DepartmentDirectory;
import cn.supervision.api.cooperation.DepartmentKind;
import cn.supervision.api.notification.Message;
import cn.supervision.api.registry.Mandate;
import cn.supervision.api.registry.Unit;
import cn.supervision.api.registry.UnitKind;
import cn.supervision.api.registry.UnitStatus;
import cn.supervision.api.security.UserDirectory;
import cn.supervision.api.security.UserInfo;
import cn.supervision.testing.fakes.FakeNotificationService;

/** Typed fakes of what tasks use: cooperating departments, a recording notification service, a user directory. */
final class Fakes {
    private Fakes() {
    }

    static Unit unit(long id, String code, String name, String jurisdiction, UnitStatus status) {
        return new Unit(id, code, name, null, UnitKind.GOVERNMENT_DEPARTMENT, jurisdiction, null, status, Mandate.EMPTY, 1,
                Instant.EPOCH, "seed", Instant.EPOCH, "seed");
    }

    static Department department(long id, String jurisdiction, String code, String name, boolean active) {
        return new Department(id, jurisdiction, code, name, DepartmentKind.AUDIT, List.of(), active);
    }

    record Departments(List<Department> all) implements DepartmentDirectory {
        @Override
        public Optional<Department> find(String jurisdictionCode, String code) {
            return all.stream().filter(d -> d.jurisdictionCode().equals(jurisdictionCode) && d.code().equals(code)).findFirst();
        }

        @Override
        public List<Department> active(String jurisdictionCode) {
            return all.stream().filter(d -> d.jurisdictionCode().equals(jurisdictionCode) && d.active()).toList();
        }
    }

    record Users(List<UserInfo> users) implements UserDirectory {
        @Override
        public Optional<UserInfo> user(String username) {
            return users.stream().filter(u -> u.username().equals(username)).findFirst();
        }
    }

    /** One line per message: "unit:370500/CZJ TASK_DUE subject", "office:370500 …", "users:[a, b] …". */
    static final class Notifications extends FakeNotificationService {
        final List<String> sent = new ArrayList<>();

        private int record(String to, Message m) {
            sent.add(to + " " + m.category() + " " + m.link());
            return 1;
        }

        @Override
        public int toUsers(Collection<String> usernames, Message message) {
            return record("users:" + usernames, message);
        }

        @Override
        public int toUnit(String jurisdictionCode, String unitCode, Message message) {
            return record("unit:" + jurisdictionCode + "/" + unitCode, message);
        }

        @Override
        public int toOffice(String jurisdictionCode, Message message) {
            return record("office:" + jurisdictionCode, message);
        }
    }
}
