package cn.supervision.api.audit;

/** What kind of event an audit entry records. */
public enum AuditAction {
    /** A state-changing request (REST POST/PUT/PATCH/DELETE, a writing SOAP operation, a writing shell command). */
    WRITE("写操作"),
    /** A successful login (recorded once per user and source address within a window, not per request). */
    LOGIN_SUCCEEDED("登录成功"),
    /** A refused login: wrong password, unknown user, locked account. */
    LOGIN_FAILED("登录失败");

    private final String label;

    AuditAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
