package cn.supervision.api.report;

/** How an instruction reached the platform. */
public enum InstructionChannel {
    /** The leader recorded it himself in the platform. */
    PLATFORM("平台批示"),
    /** The leader wrote on the paper copy; the office recorded it with the scan. */
    PAPER("纸质批示");

    private final String label;

    InstructionChannel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
