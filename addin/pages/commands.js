/* thidua: the function file's script (ES5). The ribbon button opens the pane; there is no command to run. */
if (typeof Office !== 'undefined' && Office && typeof Office.onReady === 'function') Office.onReady();
