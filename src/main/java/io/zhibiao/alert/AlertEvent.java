package io.zhibiao.alert;

/** What a subscription can be told about (design §8). */
public enum AlertEvent {

    /** A target moved into AT_RISK, OFF_TRACK or MISSED, or back to on track; once per transition. */
    TARGET_STATUS_CHANGED,
    /** The 催报 list of the subtree: figures past their due date, once a day at the digest hour. */
    FIGURES_OVERDUE, SUBMISSION_SUBMITTED, SUBMISSION_RETURNED, SUBMISSION_APPROVED,
    /** A written figure leaves a validation rule (BLOCK or WARN) failing at its unit. */
    VALIDATION_FAILED,
    /** A report is DONE. */
    REPORT_READY;

    /** The Chinese name shown in messages and on the settings page. */
    public String label() {
        return switch (this) {
            case TARGET_STATUS_CHANGED -> "目标状态变化";
            case FIGURES_OVERDUE -> "逾期未报（催报）";
            case SUBMISSION_SUBMITTED -> "已上报";
            case SUBMISSION_RETURNED -> "被退回";
            case SUBMISSION_APPROVED -> "审核通过";
            case VALIDATION_FAILED -> "未通过校验";
            case REPORT_READY -> "报告已生成";
        };
    }
}
