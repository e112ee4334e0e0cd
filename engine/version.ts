/** The version of thidua shown by `--version` and written in reports (a module of its own: light to load). */
export const TOOL_VERSION = '0.1.0';
