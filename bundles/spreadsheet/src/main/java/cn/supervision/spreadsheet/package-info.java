/**
 * Bounded reading of XLSX workbooks (limits on rows, columns, cells, merged areas and uncompressed size) for the
 * platform's imports.
 */
@Version("1.0.0")
package cn.supervision.spreadsheet;

import org.osgi.annotation.versioning.Version;
