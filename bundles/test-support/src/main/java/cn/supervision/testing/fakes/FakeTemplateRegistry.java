package cn.supervision.testing.fakes;

import java.util.List;
import java.util.Map;

import cn.supervision.api.document.TemplateRegistry;

/**
 * A {@link TemplateRegistry} that answers nothing: every method throws, so a test subclasses it anonymously and
 * overrides only what the code under test calls (the compiler checks those overrides; default methods stay
 * inherited and run over them).
 */
public class FakeTemplateRegistry implements TemplateRegistry {
    @Override
    public List<String> validate(String path, byte[] content) {
        throw unused("validate");
    }

    @Override
    public void install(String jurisdictionCode, String source, Map<String, byte[]> files) {
        throw unused("install");
    }

    @Override
    public void retire(String jurisdictionCode, String source) {
        throw unused("retire");
    }

    private static UnsupportedOperationException unused(String method) {
        return new UnsupportedOperationException("TemplateRegistry." + method + " is not used by this test");
    }
}
