package cn.supervision.testing.fakes;

import java.util.List;
import java.util.Optional;

import cn.supervision.api.cooperation.Department;
import cn.supervision.api.cooperation.DepartmentDirectory;

/**
 * A {@link DepartmentDirectory} that answers nothing: every method throws, so a test subclasses it anonymously and
 * overrides only what the code under test calls (the compiler checks those overrides; default methods stay
 * inherited and run over them).
 */
public class FakeDepartmentDirectory implements DepartmentDirectory {
    @Override
    public Optional<Department> find(String jurisdictionCode, String code) {
        throw unused("find");
    }

    @Override
    public List<Department> active(String jurisdictionCode) {
        throw unused("active");
    }

    private static UnsupportedOperationException unused(String method) {
        return new UnsupportedOperationException("DepartmentDirectory." + method + " is not used by this test");
    }
}
