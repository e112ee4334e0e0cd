/**
 * First import of the pane: zod would probe `new Function` to compile faster parsers; the
 * pane's Content-Security-Policy forbids it, so zod is told not to try.
 */
import { config } from 'zod';

config({ jitless: true });
