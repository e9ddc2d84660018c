package cn.supervision.spreadsheet;

/** The bytes are not a readable .xlsx workbook (or exceed the limits set for reading). */
public class SpreadsheetException extends Exception {
    private static final long serialVersionUID = 1L;

    public SpreadsheetException(String message) {
        super(message);
    }

    public SpreadsheetException(String message, Throwable cause) {
        super(message, cause);
    }
}
