package cn.supervision.spreadsheet;

import java.util.ArrayList;
import java.util.List;

/**
 * One worksheet as rows of cell values. Reading yields Strings (numbers in their shortest decimal form,
 * cells inside a merged range carry the range's value); writing accepts Strings and Numbers.
 */
public record Sheet(String name, List<List<Object>> rows) {

    public Sheet {
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (List<Object> r : rows) {
            copy.add(java.util.Collections.unmodifiableList(new ArrayList<>(r)));
        }
        rows = java.util.Collections.unmodifiableList(copy);
    }

    /** The text of a cell, "" when the row or cell does not exist. */
    public String text(int row, int column) {
        if (row >= rows.size()) {
            return "";
        }
        List<Object> r = rows.get(row);
        if (column >= r.size() || r.get(column) == null) {
            return "";
        }
        return r.get(column).toString();
    }
}
