package io.zhibiao.target;

import io.zhibiao.indicator.Indicator;
import io.zhibiao.indicator.IndicatorReferences;
import io.zhibiao.orgunit.OrgUnit;
import io.zhibiao.orgunit.OrgUnitReferences;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Targets keep their org unit and indicator from being deleted. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TargetReferences implements OrgUnitReferences, IndicatorReferences {

    @Override
    public long countReferencesTo(OrgUnit unit) {
        return Target.count("orgUnit", unit);
    }

    @Override
    public String what() {
        return "targets";
    }

    @Override
    public boolean refersTo(Indicator indicator) {
        return Target.count("indicator", indicator) > 0;
    }
}
