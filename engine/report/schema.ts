import { z } from 'zod';

/** The JSON report, version 1 (shared/spec/interfaces.md). Other teams test against it. */

const Severity = z.enum(['error', 'warning', 'info']);
const Counts = z.object({ error: z.number().int().min(0), warning: z.number().int().min(0), info: z.number().int().min(0) });

export const ERROR_CODES = ['empty', 'not-a-workbook', 'xls-legacy', 'encrypted', 'corrupt', 'too-large', 'timeout'] as const;

export const FindingJsonSchema = z.object({
  ruleId: z.string(),
  severity: Severity,
  sheet: z.string().optional(),
  cell: z.string().regex(/^[A-Z]{1,3}\d+$/).optional(),
  row: z.number().int().min(1).optional(),
  column: z.string().regex(/^[A-Z]{1,3}$/).optional(),
  message: z.string().min(1),
  suggestion: z.string().optional(),
  basis: z.string().optional(),
  data: z.record(z.string(), z.union([z.string(), z.number()])),
});

export const FileJsonSchema = z.object({
  path: z.string(),
  status: z.enum(['valid', 'invalid', 'unreadable']),
  bloc: z.object({ province: z.string().optional(), name: z.string().optional(), year: z.number().int().optional() }).optional(),
  profile: z.object({ id: z.string(), version: z.string() }).optional(),
  error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }).optional(),
  counts: Counts,
  findings: z.array(FindingJsonSchema),
});

export const CrossFileJsonSchema = z.object({
  ruleId: z.string(),
  severity: Severity,
  files: z.array(z.string()).min(1),
  message: z.string(),
  data: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

export const ReportJsonSchema = z.object({
  reportVersion: z.literal(1),
  tool: z.object({ name: z.literal('thidua'), version: z.string() }),
  files: z.array(FileJsonSchema),
  crossFile: z.array(CrossFileJsonSchema),
  counts: z.object({
    files: z.number().int().min(0),
    valid: z.number().int().min(0),
    invalid: z.number().int().min(0),
    unreadable: z.number().int().min(0),
    error: z.number().int().min(0),
    warning: z.number().int().min(0),
    info: z.number().int().min(0),
  }),
});

export type FindingJson = z.infer<typeof FindingJsonSchema>;
export type FileJson = z.infer<typeof FileJsonSchema>;
export type CrossFileJson = z.infer<typeof CrossFileJsonSchema>;
export type ReportJson = z.infer<typeof ReportJsonSchema>;
export type ErrorCode = (typeof ERROR_CODES)[number];
