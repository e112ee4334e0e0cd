/**
 * The office desk (`dist/thidua.html`): `thidua validate` as one offline page a clerk of the
 * Sở Nội vụ double-clicks. Files chosen or dropped are checked in Web Workers by the same reader
 * and engine as the command (desk/worker.ts, desk/pool.ts); the report is assembled, rendered
 * and written by the command's own code (controller.ts, through the formats' and the writers'
 * doors); the view (view.ts) draws the controller's state.
 */
// First: zod must not probe `new Function`, which the page's Content-Security-Policy forbids.
import '../engine/zod-jitless';
import { DeskController } from './controller';
import { deskWorkers, type Received } from './pool';
import { DeskView, download } from './view';

/** The date the checks take as today: the computer's, or `#today=YYYY-MM-DD` (tests). */
const today = /today=(\d{4}-\d{2}-\d{2})/.exec(location.hash)?.[1];

const desk = new DeskController(deskWorkers(), download, () => view.render(), { ...(today ? { today } : {}), now: () => performance.now() });

async function check(received: Received[]): Promise<void> {
  await desk.check(received);
  // For the benchmark: when the check began, and how long it took to the report shown.
  if (desk.state.progress.all === 0) return;
  document.body.setAttribute('data-check-start', String(desk.state.progress.started));
  document.body.setAttribute('data-check-ms', String(Math.round(performance.now() - desk.state.progress.started)));
}

const view = new DeskView(document.getElementById('app')!, desk, check);
view.render();
