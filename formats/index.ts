/**
 * The report formats' door: the outcomes of a run assembled into the report (assemble.ts), and
 * the report as JSON, text, CSV and HTML (render.ts), for the command and the desk alike.
 */
export { assembleReport, perFileReports } from './assemble';
export { formatCsv } from './csv';
export { formatHtml } from './html';
export { type Format, render, summaryTable } from './render';
