package cn.supervision.cooperation.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.supervision.api.campaign.Campaign;
import cn.supervision.api.campaign.CampaignService;
import cn.supervision.api.campaign.ResultRevision;
import cn.supervision.api.document.DocumentService;
import cn.supervision.api.document.StoredDocument;
import cn.supervision.api.followup.Finding;
import cn.supervision.api.followup.FindingService;
import cn.supervision.api.notification.Message;
import cn.supervision.api.problem.SupervisionException;
import cn.supervision.api.security.Access;
import cn.supervision.api.security.Caller;
import cn.supervision.api.security.Operation;
import cn.supervision.api.security.Role;
import cn.supervision.api.security.Target;
import cn.supervision.api.security.UserDirectory;
import cn.supervision.api.security.UserInfo;
import cn.supervision.testing.fakes.FakeCampaignService;
import cn.supervision.testing.fakes.FakeDocumentService;
import cn.supervision.testing.fakes.FakeFindingService;
import cn.supervision.testing.fakes.FakeNotificationService;

/**
 * Typed fakes of what the cooperation service uses: the findings ledger, campaigns with their published revisions and
 * documents answer with the real policy; only the methods the service calls are overridden (the others throw).
 */
final class Fakes {
    private Fakes() {
    }

    static FindingService findings(Access access, List<Finding> findings) {
        return new FakeFindingService() {
            @Override
            public Finding get(Caller caller, long id) {
                Finding f = findings.stream().filter(x -> x.id() == id).findFirst()
                        .orElseThrow(() -> SupervisionException.notFound("问题 " + id + " 不存在"));
                access.require(caller, Operation.READ_FOLLOWUP, Target.of(f.jurisdictionCode()).published(f.state() != cn.supervision.api.followup.FindingState.OPEN));
                return f;
            }
        };
    }

    static CampaignService campaigns(Access access, List<Campaign> campaigns, Map<Long, List<ResultRevision>> revisions) {
        return new FakeCampaignService() {
            @Override
            public Campaign get(Caller caller, long id) {
                Campaign c = campaigns.stream().filter(x -> x.id() == id).findFirst()
                        .orElseThrow(() -> SupervisionException.notFound("监管活动 " + id + " 不存在"));
                access.require(caller, Operation.READ_CAMPAIGN, c.jurisdictionCode());
                return c;
            }

            @Override
            public List<ResultRevision> revisions(Caller caller, long campaignId) {
                Campaign c = get(caller, campaignId);
                access.require(caller, Operation.READ_RESULTS, Target.of(c.jurisdictionCode()).published(true));
                return revisions.getOrDefault(c.id(), List.of());
            }
        };
    }

    /** Documents by id; records who read content so tests can see the platform reads on a department's behalf. */
    static final class Documents {
        final Map<Long, StoredDocument> stored = new LinkedHashMap<>();
        final Map<Long, byte[]> content = new LinkedHashMap<>();
        final List<Caller> contentReaders = new ArrayList<>();
        final DocumentService service;

        Documents(Access access) {
            service = new FakeDocumentService() {
                @Override
                public StoredDocument get(Caller caller, long id) {
                    return read(access, caller, id);
                }

                @Override
                public byte[] content(Caller caller, long id) {
                    read(access, caller, id);
                    contentReaders.add(caller);
                    return content.get(id);
                }
            };
        }

        private StoredDocument read(Access access, Caller caller, long id) {
            StoredDocument d = stored.get(id);
            if (d == null) {
                throw SupervisionException.notFound("文书 " + id + " 不存在");
            }
            access.require(caller, Operation.READ_DOCUMENTS, new Target(d.jurisdictionCode(), d.unitCode(), d.issued(), d.departmentCode()));
            return d;
        }
    }

    /** Records every message with its recipients. */
    static final class Notifications extends FakeNotificationService {
        record Sent(String to, Message message) { }

        final List<Sent> sent = new ArrayList<>();

        @Override
        public int toUsers(Collection<String> usernames, Message message) {
            usernames.forEach(u -> sent.add(new Sent(u, message)));
            return usernames.size();
        }

        @Override
        public int toUnit(String jurisdictionCode, String unitCode, Message message) {
            sent.add(new Sent("unit:" + jurisdictionCode + "/" + unitCode, message));
            return 1;
        }

        @Override
        public int toOffice(String jurisdictionCode, Message message) {
            sent.add(new Sent("office:" + jurisdictionCode, message));
            return 1;
        }

        List<String> recipients(String category) {
            return sent.stream().filter(s -> s.message().category().equals(category)).map(Sent::to).toList();
        }
    }

    static UserDirectory users(List<UserInfo> users) {
        return new UserDirectory() {
            @Override
            public List<UserInfo> users() {
                return users;
            }

            @Override
            public Optional<UserInfo> user(String username) {
                return users.stream().filter(u -> u.username().equals(username)).findFirst();
            }
        };
    }

    static UserInfo departmentUser(String name, String jurisdiction, String department) {
        return new UserInfo(name, Set.of(Role.DEPARTMENT), jurisdiction, null, null, null, department);
    }

    static StoredDocument document(long id, String jurisdiction, boolean issued) {
        return new StoredDocument(id, jurisdiction, cn.supervision.api.document.DocumentKind.CAMPAIGN_REPORT, "campaign:7", 1, cn.supervision.api.document.DocumentFormat.PDF, "2026年度监管评估报告",
                "东编监〔2026〕3号", null, null, 4, "ab", "builtin", "cd", issued, "city-admin", Instant.EPOCH, null, null);
    }
}
