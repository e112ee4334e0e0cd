/*
 * thidua: the pane's guard. Written in ES5, with no build step, so that every engine Office
 * has used for add-ins can run it: Internet Explorer 11's (Office 2019 volume-licensed),
 * EdgeHTML's (Office 2016 and 2019 without WebView2), Chromium's (WebView2, Excel on the web)
 * and Safari's (Excel for Mac). It loads the pane (taskpane.js, ES2022) only where the pane
 * can run, and elsewhere says in the user's language what to do instead: the pane is never a
 * blank page. See docs/trien-khai-addin.md.
 */
(function () {
  'use strict';

  var MIN_API = '1.7';

  var TEXT = {
    vi: {
      title: 'Ngăn kiểm tra không chạy được trong Excel này',
      engine: 'Excel này chạy phần bổ trợ bằng trình duyệt cũ có sẵn trong Windows (Internet Explorer hoặc Edge đời cũ), nên ngăn kiểm tra không mở được.',
      api: 'Phiên bản Excel này quá cũ cho ngăn kiểm tra (cần Excel 2019 trở lên hoặc Microsoft 365).',
      office: 'Trang này chỉ chạy bên trong Excel, như một phần bổ trợ.',
      instead: 'Sổ vẫn kiểm tra được bằng một trong các cách sau:',
      ways: [
        'Mở sổ bằng Excel trên web (Microsoft 365, trong trình duyệt) hoặc Excel Microsoft 365 trên máy tính: ngăn kiểm tra chạy ở đó.',
        'Nhập liệu trên biểu mẫu của thidua (thidua template): danh sách chọn, kiểm tra khi nhập và các công thức của biểu mẫu chạy trong mọi phiên bản Excel, WPS và LibreOffice.',
        'Gửi sổ cho Sở Nội vụ: Sở kiểm tra đầy đủ bằng công cụ thidua và gửi lại kết quả.'
      ]
    },
    en: {
      title: 'The check pane cannot run in this Excel',
      engine: 'This Excel runs add-ins in an old browser built into Windows (Internet Explorer or the old Edge), so the check pane cannot open.',
      api: 'This version of Excel is too old for the check pane (Excel 2019 or later, or Microsoft 365, is needed).',
      office: 'This page runs only inside Excel, as an add-in.',
      instead: 'The workbook can still be checked in one of these ways:',
      ways: [
        'Open it in Excel on the web (Microsoft 365, in a browser) or in Microsoft 365 Excel on the desktop: the pane runs there.',
        'Fill it in on thidua\'s template (thidua template): its drop-downs, input checks and formulas work in every version of Excel, in WPS and in LibreOffice.',
        'Send it to the provincial office (Sở Nội vụ), which checks it in full with thidua and sends the results back.'
      ]
    }
  };

  /** What the pane's JavaScript needs of the engine: ES2022 and the DOM of the last years. */
  function modernEngine() {
    try {
      if (typeof Promise !== 'function' || typeof Symbol !== 'function') return false;
      if (typeof Object.fromEntries !== 'function' || typeof Array.prototype.at !== 'function') return false;
      if (typeof String.prototype.replaceAll !== 'function' || typeof String.prototype.normalize !== 'function') return false;
      if (typeof Element === 'undefined' || typeof Element.prototype.replaceChildren !== 'function') return false;
      new RegExp('(?<=a)b', 'u'); // lookbehind: a SyntaxError in old engines
      return true;
    } catch (e) {
      return false;
    }
  }

  function language() {
    try {
      var l = String(Office.context.displayLanguage || 'vi').toLowerCase();
      return l.indexOf('vi') === 0 ? 'vi' : 'en';
    } catch (e) {
      return 'vi';
    }
  }

  function el(tag, text) {
    var node = document.createElement(tag);
    if (text !== undefined) node.appendChild(document.createTextNode(text));
    return node;
  }

  function show(reason) {
    // Office.js may answer before the page's body is parsed (measured: one load in a few, in
    // Chromium, outside Office): the message waits for the body rather than find no #app.
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', function () {
        show(reason);
      });
      return;
    }
    var t = TEXT[language()];
    var app = document.getElementById('app');
    if (!app) return;
    while (app.firstChild) app.removeChild(app.firstChild);
    var box = el('section');
    box.setAttribute('id', 'khong-ho-tro');
    box.setAttribute('role', 'alert');
    box.appendChild(el('h1', t.title));
    box.appendChild(el('p', t[reason]));
    box.appendChild(el('p', t.instead));
    var list = el('ul');
    for (var i = 0; i < t.ways.length; i++) list.appendChild(el('li', t.ways[i]));
    box.appendChild(list);
    app.appendChild(box);
  }

  function start() {
    // Office may be ready before the page's body is parsed (the guard runs in <head>).
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', start);
      return;
    }
    if (!modernEngine()) return show('engine');
    var api = false;
    try {
      api = Office.context.requirements.isSetSupported('ExcelApi', MIN_API);
    } catch (e) {
      api = false;
    }
    if (!api) return show('api');
    var script = document.createElement('script');
    script.src = 'taskpane.js';
    document.head.appendChild(script);
  }

  // Office.js in a page that no Office host opened answers with no host (not an old Excel),
  // sometimes before the body is parsed; should it never answer, after 15 s the page says where
  // it runs, and an Office that answers later still starts the pane over that message.
  if (typeof Office !== 'undefined' && Office && typeof Office.onReady === 'function') {
    var answered = false;
    setTimeout(function () {
      if (!answered) show('office');
    }, 15000);
    Office.onReady(function (info) {
      answered = true;
      if (info && info.host === null) return show('office');
      start();
    });
  }
  else if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', function () { show('office'); });
  else show('office');
})();
