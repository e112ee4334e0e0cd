/**
 * What the pane's Excel adapter remembers between requests (see index.ts), shared by its
 * reads, marks, events and writes, and how it runs a request.
 */
import type { ExcelHost } from './types';

export interface Session {
  /** This pane's id in the marks it makes (none: marks any pane may take for its own). */
  owner: string | undefined;
  /** Whether Excel has ExcelApi 1.`minor`. */
  supports(minor: number): boolean;
  /** Excel keeps the user's undo history across the pane's writes (ExcelApi 1.20). */
  undoGroup: boolean;
  /** One request: waits while a cell is edited, one undo record where Excel allows it. */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** How many cells a piece of a large sheet holds; halved when Excel refuses one. */
  chunkCells: number;
  /** Sheets (by id) too large for one answer once: read in pieces from then on, without first sending again the read Excel refused. */
  piecewise: Set<string>;
  /** Where this pane wrote values, by sheet id and address, until Excel's event for it comes. */
  echoes: Set<string>;
  /** The workbook's sheets as last read. */
  known: { id: string; name: string }[];
  /** How many conditional formats each sheet had when this pane last saw them, its own writes counted. */
  formatCounts: Map<string, number>;
}

export function openSession(host: ExcelHost, options: { chunkCells?: number; owner?: string }): Session {
  const supports = (minor: number) => host.isSetSupported('ExcelApi', `1.${minor}`);
  const undoGroup = supports(20);
  return {
    owner: options.owner,
    supports,
    undoGroup,
    run: (batch) => host.Excel.run({ delayForCellEdit: true, ...(undoGroup ? { mergeUndoGroup: true } : {}) } as Excel.RunOptions, batch),
    chunkCells: options.chunkCells ?? 20_000,
    piecewise: new Set(),
    echoes: new Set(),
    known: [],
    formatCounts: new Map(),
  };
}
