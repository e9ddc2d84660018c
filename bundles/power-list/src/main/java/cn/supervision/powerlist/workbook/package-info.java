/**
 * The power list's workbook columns, shared by the import and its REST adapter.
 */
@Version("1.0.0")
package cn.supervision.powerlist.workbook;

import org.osgi.annotation.versioning.Version;
