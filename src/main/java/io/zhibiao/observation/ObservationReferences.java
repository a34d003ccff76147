package io.zhibiao.observation;

import io.zhibiao.indicator.Indicator;
import io.zhibiao.indicator.IndicatorReferences;
import io.zhibiao.orgunit.OrgUnit;
import io.zhibiao.orgunit.OrgUnitReferences;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Figures, deleted ones included (their history stays), keep their org unit and indicator from
 * being deleted.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ObservationReferences implements OrgUnitReferences, IndicatorReferences {

    @Override
    public long countReferencesTo(OrgUnit unit) {
        return Observation.count("orgUnit", unit);
    }

    @Override
    public String what() {
        return "observations";
    }

    /**
     * No index leads with the indicator (the figure tables stay lean for bulk loads), so stop at
     * the first figure.
     */
    @Override
    public boolean refersTo(Indicator indicator) {
        return Observation.find("indicator", indicator).firstResultOptional().isPresent();
    }

    @Override
    public boolean holdsFigures() {
        return true;
    }
}
