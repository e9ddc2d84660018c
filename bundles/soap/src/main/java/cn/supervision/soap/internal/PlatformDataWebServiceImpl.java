package cn.supervision.soap.internal;

import java.util.List;

import javax.jws.WebService;

import cn.supervision.api.platform.DataRow;
import cn.supervision.api.platform.PlatformDataService;

@WebService(serviceName = "PlatformDataService", portName = "PlatformDataServicePort", targetNamespace = PlatformDataWebService.NS,
        endpointInterface = "cn.supervision.soap.internal.PlatformDataWebService")
public class PlatformDataWebServiceImpl implements PlatformDataWebService {
    private final PlatformDataService data;

    public PlatformDataWebServiceImpl(PlatformDataService data) {
        this.data = data;
    }

    @Override
    public SoapBatchReceipt submitBatch(String jurisdictionCode, String sourceSystem, String clientBatchId, List<SoapDataRow> rows)
            throws SupervisionFault {
        List<DataRow> converted = rows == null ? List.of()
                : rows.stream().map(r -> r == null ? null : new DataRow(r.metric, r.unit, r.date, r.value, r.recordId)).toList();
        return SupervisionFault.call(c -> SoapBatchReceipt.of(data.ingest(c, jurisdictionCode == null ? null : jurisdictionCode.trim(),
                sourceSystem, clientBatchId, "SOAP", converted)));
    }
}
