package cn.supervision.registry.internal.model;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;

import cn.supervision.api.registry.Jurisdiction;
import cn.supervision.api.registry.JurisdictionKind;

@Entity
@Table(name = "SV_JURISDICTION")
public class JurisdictionEntity {
    @Id
    @Column(length = 16)
    private String code;
    @Column(nullable = false, length = 100)
    private String name;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    private JurisdictionKind kind;
    @Column(length = 16)
    private String parentCode;
    private boolean localCode;

    public JurisdictionEntity() {
    }

    public JurisdictionEntity(Jurisdiction j) {
        this.code = j.code();
        apply(j);
    }

    public void apply(Jurisdiction j) {
        this.name = j.name();
        this.kind = j.kind();
        this.parentCode = j.parentCode();
        this.localCode = j.localCode();
    }

    public Jurisdiction toValue() {
        return new Jurisdiction(code, name, kind, parentCode, localCode);
    }
}
