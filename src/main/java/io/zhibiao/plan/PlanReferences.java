package io.zhibiao.plan;

import io.zhibiao.orgunit.OrgUnit;
import io.zhibiao.orgunit.OrgUnitReferences;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Plans keep their org unit from being deleted. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PlanReferences implements OrgUnitReferences {

    @Override
    public long countReferencesTo(OrgUnit unit) {
        return Plan.count("orgUnit", unit);
    }

    @Override
    public String what() {
        return "plans";
    }
}
