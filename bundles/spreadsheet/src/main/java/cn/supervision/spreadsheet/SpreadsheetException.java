package cn.supervision.spreadsheet;

/** The bytes are not a readable .xlsx workbook (or exceed the limits set for reading). */
public class SpreadsheetException extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean tooLarge;

    public SpreadsheetException(String message) {
        this(message, false);
    }

    public SpreadsheetException(String message, boolean tooLarge) {
        super(message);
        this.tooLarge = tooLarge;
    }

    public SpreadsheetException(String message, Throwable cause) {
        super(message, cause);
        this.tooLarge = false;
    }

    /** The upload exceeded the size allowed (HTTP adapters answer 413). */
    public boolean tooLarge() {
        return tooLarge;
    }
}
