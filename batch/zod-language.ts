/**
 * zod's own messages (a profile file's errors) in the user's language: zod ships a Vietnamese
 * locale. Its configuration is global, so the command sets it once, from `--lang`.
 */
import { z } from 'zod';

export function zodSpeaks(lang: 'vi' | 'en'): void {
  z.config(lang === 'vi' ? z.locales.vi() : z.locales.en());
}
