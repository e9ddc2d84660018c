package cn.supervision.api.assessment;

/** How a mapped view left the platform. */
public enum ExportFormat {
    REST, SOAP, XLSX
}
