import { z } from 'zod';

/**
 * Import of an existing customer book (SPEC §2): the fields a column can be mapped to, their labels
 * (the same labels head the columns of an export, so an exported file imports back as it is), and
 * the shapes of the import API.
 */
export const IMPORT_FIELDS = [
  'name',
  'title',
  'gender',
  'mobile',
  'otherPhones',
  'wechat',
  'email',
  'idNumber',
  'birthday',
  'birthdayLunar',
  'region',
  'address',
  'source',
  'company',
  'owner',
  'classCode',
  'tierCode',
  'tags',
  'notes',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const IMPORT_FIELD_LABELS: Record<ImportField, { 'zh-CN': string; en: string }> = {
  name: { 'zh-CN': '姓名', en: 'Name' },
  title: { 'zh-CN': '称呼', en: 'Title' },
  gender: { 'zh-CN': '性别', en: 'Gender' },
  mobile: { 'zh-CN': '手机号', en: 'Mobile' },
  otherPhones: { 'zh-CN': '其他电话', en: 'Other phones' },
  wechat: { 'zh-CN': '微信', en: 'WeChat' },
  email: { 'zh-CN': '邮箱', en: 'Email' },
  idNumber: { 'zh-CN': '身份证号', en: 'ID number' },
  birthday: { 'zh-CN': '生日', en: 'Birthday' },
  birthdayLunar: { 'zh-CN': '农历生日', en: 'Lunar birthday' },
  region: { 'zh-CN': '地区', en: 'Region' },
  address: { 'zh-CN': '地址', en: 'Address' },
  source: { 'zh-CN': '来源', en: 'Source' },
  company: { 'zh-CN': '单位', en: 'Company' },
  owner: { 'zh-CN': '负责人', en: 'Owner' },
  classCode: { 'zh-CN': '分类', en: 'Class' },
  tierCode: { 'zh-CN': '等级', en: 'Tier' },
  tags: { 'zh-CN': '标签', en: 'Tags' },
  notes: { 'zh-CN': '备注', en: 'Notes' },
};

export const IMPORT_MODES = ['valid_only', 'all_or_nothing'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];
export const IMPORT_STATUSES = ['uploaded', 'running', 'done', 'failed'] as const;
export const IMPORT_MAX_ROWS = 200_000;
export const IMPORT_MAX_COLUMNS = 100;

/** field -> 0-based column index of the file; a field left out is not imported. */
export const importMappingSchema = z.partialRecord(
  z.enum(IMPORT_FIELDS),
  z
    .number()
    .int()
    .min(0)
    .max(IMPORT_MAX_COLUMNS - 1),
);
export type ImportMapping = z.infer<typeof importMappingSchema>;

export const importValidateSchema = z.object({ mapping: importMappingSchema });
export const importRunSchema = z.object({ mapping: importMappingSchema, mode: z.enum(IMPORT_MODES) });

export const importUploadSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  total: z.number(),
  headers: z.array(z.string()),
  /** the first data rows, as read */
  preview: z.array(z.object({ row: z.number(), cells: z.array(z.string()) })),
  suggestedMapping: importMappingSchema,
});
export type ImportUpload = z.infer<typeof importUploadSchema>;

export const importIssueSchema = z.object({
  /** the row number as the spreadsheet shows it (the header is row 1 when it is the first line) */
  row: z.number(),
  field: z.string(),
  value: z.string(),
  message: z.string(),
});
export type ImportIssue = z.infer<typeof importIssueSchema>;

export const importReportSchema = z.object({
  total: z.number(),
  valid: z.number(),
  invalid: z.number(),
  /** row by row; at most IMPORT_MAX_ISSUES of them, `truncated` says when more were left out */
  issues: z.array(importIssueSchema),
  truncated: z.boolean(),
});
export type ImportReport = z.infer<typeof importReportSchema>;
export const IMPORT_MAX_ISSUES = 5000;

export const importStatusSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  status: z.enum(IMPORT_STATUSES),
  mode: z.enum(IMPORT_MODES).nullable(),
  /** preparing: rows checked and prepared; inserting: rows written (one transaction) */
  phase: z.enum(['preparing', 'inserting']).nullable(),
  total: z.number(),
  processed: z.number(),
  imported: z.number(),
  /** 0-100, for the progress bar */
  percent: z.number(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  report: importReportSchema.nullable(),
});
export type ImportStatus = z.infer<typeof importStatusSchema>;
