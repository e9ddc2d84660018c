package cn.supervision.api.contribution;

import org.osgi.annotation.versioning.ProviderType;

import java.util.List;

import cn.supervision.api.security.Caller;

/**
 * Contribution bundles: a county's (or the city's) declarative content — jurisdiction, units, indicator systems,
 * and for the city its policy — plus optional Java (e.g. CUSTOM scoring rules), hot-deployed and validated against
 * the declaring jurisdiction's authority and the city's policy.
 */
@ProviderType
public interface ContributionService {

    /** Manifest header naming the jurisdiction a bundle speaks for. */
    String JURISDICTION_HEADER = "Supervision-Jurisdiction";
    /**
     * The contribution format versions a bundle was made for, as an OSGi version range (the archetype writes
     * {@code [1.0,2)}); a bundle whose range does not include {@link #CONTRACT_VERSION} is refused with that reason.
     * Absent: made for 1.x.
     */
    String CONTRACT_HEADER = "Supervision-Contract";
    /**
     * The contribution format this platform reads: minor versions add what old bundles may ignore, a major one breaks.
     */
    String CONTRACT_VERSION = "1.0.0";

    /** The folder of the declarative content inside the bundle. */
    String CONTENT_FOLDER = "SUPERVISION-INF";

    List<Contribution> list(Caller caller);

    /**
     * Refuses (forbidden) a caller who may not install contribution bundles for {@code jurisdictionCode} (null: for any
     * jurisdiction at all), so that an upload is refused before its body is read.
     */
    void checkUploader(Caller caller, String jurisdictionCode);

    /** Every event of the record's symbolic name, oldest first. */
    List<ContributionEvent> events(Caller caller, long id);

    /** The latest events the caller may read (newest first), at most {@code limit}. */
    List<ContributionEvent> recentEvents(Caller caller, int limit);

    Contribution get(Caller caller, long id);

    /** Installs (or updates) the uploaded bundle jar and returns its record once processed (ACTIVE or REJECTED). */
    Contribution upload(Caller caller, byte[] jar);

    /** Uninstalls the bundle; its indicator systems become RETIRED. */
    Contribution uninstall(Caller caller, long id);
}
