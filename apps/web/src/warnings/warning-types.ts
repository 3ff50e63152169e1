/** The early-warning response of GET /api/v1/analysis/warnings (schema `Warnings` in the OpenAPI document). */
export type WarningKind = 'threshold' | 'deviation' | 'worsening_trend' | 'class_drop';

export interface WarningRuleSummary {
  id: string;
  label: string | null;
  kind: WarningKind;
  level: string;
  /** The indicator, or the index preset, the rule watches. */
  watches: string;
  flagged: number;
  skipped: string | null;
}

export interface WarningReason {
  ruleId: string;
  label: string | null;
  kind: WarningKind;
  indicatorId: string;
  period: string;
  value: number | null;
  message: string;
  details: Record<string, number | string | null>;
}

export interface FlaggedArea {
  level: string;
  key: string;
  name: string | null;
  reasons: WarningReason[];
}

export interface WarningsResponse {
  period: string | null;
  rules: WarningRuleSummary[];
  flagged: FlaggedArea[];
  notes: { ruleId: string; count: number; message: string }[];
  dataVersion: string;
}
