/// <reference types="office-js" />
import '../../engine/zod-jitless';
/**
 * The pane's entry, loaded by guard.js once it has found an engine and an Excel the pane can
 * use: read the workbook and keep checking as it changes.
 */
import { BUILT_IN_PROFILES } from '../../engine';
import { officeHost } from '../excel';
import { PaneController } from './controller';
import { PaneView } from './view';

/** How often the pane takes a light look for edits no event reported (office-js #420, #3729). */
const PROBE_MS = 20_000;

/**
 * This pane's id in the marks it makes, kept in the pane's storage so that the next session on
 * this computer knows them for its own; one for this session where storage is refused.
 */
function paneOwner(): string {
  const made = () => Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => (b % 36).toString(36)).join('');
  try {
    const kept = localStorage.getItem('thidua.owner');
    if (kept !== null && /^[a-z0-9]{8}$/.test(kept)) return kept;
    const id = made();
    localStorage.setItem('thidua.owner', id);
    return id;
  } catch {
    return made();
  }
}

Office.onReady(() => {
  const root = document.getElementById('app')!;
  const host = officeHost({ Excel, isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version) }, { owner: paneOwner() });
  const lang = (Office.context.displayLanguage ?? 'vi').toLowerCase().startsWith('vi') ? 'vi' : 'en';
  const ui: { view?: PaneView } = {};
  const controller = new PaneController(host, {
    lang,
    onUpdate: (state) => {
      ui.view?.render(state);
      document.body.setAttribute('data-idle', String(!state.busy));
    },
    onChecked: (ms) => document.body.setAttribute('data-last-check-ms', String(ms)),
    probeMs: PROBE_MS,
  });
  window.addEventListener('pagehide', () => controller.stop());
  ui.view = new PaneView(root, controller, BUILT_IN_PROFILES.map((p) => ({ id: p.id, name: p.name[lang] })));
  ui.view.render(controller.state);
  void controller.start();
});
