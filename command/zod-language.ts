/**
 * zod's own messages (a profile file's errors) in the user's language: zod ships a Vietnamese
 * locale. Its configuration is global, so the command sets it once, from `--lang`.
 */
import { z } from 'zod';
import type { Lang } from '../engine';

export function zodSpeaks(lang: Lang): void {
  z.config(lang === 'vi' ? z.locales.vi() : z.locales.en());
}
