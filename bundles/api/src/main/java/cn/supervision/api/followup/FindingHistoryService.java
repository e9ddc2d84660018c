package cn.supervision.api.followup;

import org.osgi.annotation.versioning.ProviderType;

import java.util.List;

import cn.supervision.api.security.Caller;

/** The recorded steps of a finding, oldest first; readable by whoever may read the finding itself. */
@ProviderType
public interface FindingHistoryService {

    List<FindingTransition> history(Caller caller, long findingId);
}
