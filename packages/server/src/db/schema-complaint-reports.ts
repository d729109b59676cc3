/** Table types of migration 006-complaint-reports.sql (the monthly root-cause analysis). */
export interface ComplaintRootCausesTable {
  month: string;
  analysis: string;
  updated_by: string | null;
  updated_by_name: string;
  updated_at: Date;
  version: number;
}

export interface ComplaintReportsTables {
  complaint_root_causes: ComplaintRootCausesTable;
}
