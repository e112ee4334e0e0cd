/**
 * First import of the pane and of the office desk page: zod would probe `new Function` to compile faster parsers; the
 * pages' Content-Security-Policies forbid it, so zod is told not to try.
 */
import { config } from 'zod';

config({ jitless: true });
