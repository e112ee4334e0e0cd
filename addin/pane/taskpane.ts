/// <reference types="office-js" />
import './zod-jitless';
/**
 * The pane's entry, loaded by guard.js once it has found an engine and an Excel the pane can
 * use: read the workbook and keep checking as it changes.
 */
import { BUILT_IN_PROFILES } from '../../engine';
import { officeHost } from '../excel';
import { PaneController } from './controller';
import { PaneView } from './view';

Office.onReady(() => {
  const root = document.getElementById('app')!;
  const host = officeHost({ Excel, isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version) });
  const lang = (Office.context.displayLanguage ?? 'vi').toLowerCase().startsWith('vi') ? 'vi' : 'en';
  const ui: { view?: PaneView } = {};
  const controller = new PaneController(host, {
    lang,
    onUpdate: (state) => {
      ui.view?.render(state);
      document.body.setAttribute('data-idle', String(!state.busy));
    },
    onChecked: (ms) => document.body.setAttribute('data-last-check-ms', String(ms)),
  });
  ui.view = new PaneView(root, controller, BUILT_IN_PROFILES.map((p) => ({ id: p.id, name: p.name[lang] })));
  ui.view.render(controller.state);
  void controller.start();
});
