package io.zhibiao.report;

import io.zhibiao.alert.AlertEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** A finished report told to its subscribers and to its schedule's channel, in the transaction that finishes it. */
@ApplicationScoped
public class ReportEvents {

    @Inject
    AlertEvents alerts;

    void ready(Report report) {
        Long channel = null;
        if (report.scheduleId != null) {
            ReportSchedule schedule = ReportSchedule.findById(report.scheduleId);
            channel = schedule == null ? null : schedule.channel.id;
        }
        alerts.reportReady(report.orgUnit, report.title, report.id, channel);
    }
}
