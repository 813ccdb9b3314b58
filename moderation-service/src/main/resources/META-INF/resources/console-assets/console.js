// The moderation console's behaviour: live queue, claims, decisions by click or key.
// Review text reaches the page only through server-rendered HTML (escaped by Qute) or textContent.
(function () {
  'use strict';

  var JSON_HEADERS = {
    'Content-Type': 'application/json',
    'Accept': 'application/json, application/problem+json',
    // Proves to the server that a cookie-authenticated change comes from this console (see ConsoleSession).
    'X-Requested-By': 'moderation-console'
  };

  function typing(event) {
    var t = event.target;
    return t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable);
  }

  function say(text, kind) {
    var box = document.getElementById('message');
    if (box) {
      box.textContent = text;
      box.className = 'message ' + (kind || '');
    }
  }

  function call(method, path, body) {
    return fetch(path, {
      method: method,
      headers: JSON_HEADERS,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (res) {
      if (res.status === 401) {
        window.location.href = '/console';
        return { ok: false, status: 401, data: null };
      }
      return res.text().then(function (text) {
        var data = null;
        try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
        return { ok: res.ok, status: res.status, data: data };
      });
    });
  }

  function problemText(result) {
    return (result.data && result.data.detail) || ('The server answered HTTP ' + result.status + '.');
  }

  function when(iso) {
    if (!iso) { return ''; }
    var d = new Date(iso);
    return d.toISOString().substring(11, 16) + ' UTC';
  }

  // ---- queue page -------------------------------------------------------------------------------

  function queuePage() {
    var table = document.getElementById('queue');
    if (!table) { return; }
    var refresh = Number(table.getAttribute('data-refresh')) || 3000;
    var query = table.getAttribute('data-query') || '';
    var live = document.getElementById('live');
    var known = ids();

    function ids() {
      var found = {};
      document.querySelectorAll('#queue-rows tr[data-review]').forEach(function (row) {
        found[row.getAttribute('data-review')] = true;
      });
      return found;
    }

    function poll() {
      fetch('/console/queue-rows' + (query ? '?' + query : ''), {
        headers: { 'Accept': 'text/html' }, credentials: 'same-origin', cache: 'no-store'
      }).then(function (res) {
        if (res.status === 401) { window.location.href = '/console'; return null; }
        if (!res.ok) { return null; }
        var size = res.headers.get('X-Queue-Size');
        return res.text().then(function (html) {
          // Rendered and escaped by the server, like the first page.
          document.getElementById('queue-rows').innerHTML = html;
          if (size !== null) { document.getElementById('queue-size').textContent = size; }
          var now = ids();
          var fresh = Object.keys(now).filter(function (id) { return !known[id]; });
          fresh.forEach(function (id) {
            var row = document.querySelector('#queue-rows tr[data-review="' + id + '"]');
            if (row) { row.classList.add('new'); }
          });
          if (fresh.length > 0) {
            live.textContent = fresh.length === 1 ? 'A new case arrived.' : fresh.length + ' new cases arrived.';
            live.hidden = false;
          }
          known = now;
        });
      }).catch(function () { /* the next round tries again */ }).then(function () {
        window.setTimeout(poll, refresh);
      });
    }
    window.setTimeout(poll, refresh);

    document.addEventListener('keydown', function (event) {
      if (typing(event) || event.ctrlKey || event.metaKey || event.altKey) { return; }
      if (event.key === 'Enter' || event.key === 'n' || event.key === 'N') {
        event.preventDefault();
        window.location.href = '/console/next';
      }
    });
  }

  // ---- case page --------------------------------------------------------------------------------

  function casePage() {
    var root = document.getElementById('case');
    if (!root) { return; }
    var id = root.getAttribute('data-review');
    var version = Number(root.getAttribute('data-version'));
    var decidable = root.getAttribute('data-open') === 'true';
    var claimLine = document.getElementById('claim');
    var reason = document.getElementById('reason');
    var note = document.getElementById('note');
    var busy = false;
    var locked = false;

    function buttons(enabled) {
      document.querySelectorAll('#decide button, #take-down-panel button, #restore-panel button').forEach(function (b) {
        b.disabled = !enabled;
      });
    }

    function claim() {
      return call('POST', '/moderation/cases/' + id + '/claim').then(function (r) {
        if (r.ok && r.data && r.data.claim) {
          claimLine.textContent = 'Claimed by you until ' + when(r.data.claim.until) + '.';
          claimLine.className = 'claim mine';
        } else if (r.status === 409) {
          locked = true;
          claimLine.textContent = problemText(r) + ' You cannot decide it now.';
          claimLine.className = 'claim taken';
          buttons(false);
        } else if (r.status !== 401) {
          say(problemText(r), 'error');
        }
      });
    }

    // The sentences to hide, as spans of the body: adjacent chosen pieces become one span.
    function chosenSpans() {
      var spans = [];
      document.querySelectorAll('#body .segment.chosen').forEach(function (segment) {
        var start = Number(segment.getAttribute('data-start'));
        var end = Number(segment.getAttribute('data-end'));
        var last = spans[spans.length - 1];
        if (last && last.end === start) {
          last.end = end;
        } else {
          spans.push({ start: start, end: end });
        }
      });
      return spans;
    }

    var labels = { APPROVE: 'Approved', APPROVE_SPOILER: 'Approved as spoiler', REJECT: 'Rejected' };

    function decide(decision) {
      if (busy || locked || !decidable) { return; }
      if (decision === 'REJECT' && !reason.value) {
        say('Choose a reason to reject (keys 1–' + (reason.options.length - 1) + '), then press R again.', 'error');
        reason.focus();
        return;
      }
      var body = { decision: decision, version: version };
      if (note.value.trim()) { body.note = note.value; }
      if (decision === 'REJECT') { body.reason = reason.value; }
      if (decision === 'APPROVE_SPOILER') { body.spoilerSentences = chosenSpans(); }
      busy = true;
      buttons(false);
      say('Saving…', '');
      call('POST', '/moderation/cases/' + id + '/decision', body).then(function (r) {
        if (r.ok) {
          say(labels[decision] + '. Next case…', 'ok');
          window.location.href = '/console/next?skip=' + encodeURIComponent(id);
        } else if (r.status !== 401) {
          busy = false;
          buttons(true);
          say(problemText(r), 'error');
        }
      });
    }

    function skip() {
      if (busy) { return; }
      busy = true;
      var release = decidable && !locked ? call('DELETE', '/moderation/cases/' + id + '/claim') : Promise.resolve();
      release.then(function () {
        window.location.href = '/console/next?skip=' + encodeURIComponent(id);
      });
    }

    function takeDown() {
      if (busy || !document.getElementById('take-down')) { return; }
      if (!reason.value) {
        say('Choose a reason to take the review down (keys 1–' + (reason.options.length - 1) + ').', 'error');
        reason.focus();
        return;
      }
      busy = true;
      buttons(false);
      var body = { reason: reason.value };
      if (note.value.trim()) { body.note = note.value; }
      call('POST', '/moderation/cases/' + id + '/take-down', body).then(after('Taken down.'));
    }

    function restore() {
      if (busy || !document.getElementById('restore')) { return; }
      busy = true;
      buttons(false);
      var body = {};
      if (note.value.trim()) { body.note = note.value; }
      call('POST', '/moderation/cases/' + id + '/restore', body).then(after('Restored.'));
    }

    function after(done) {
      return function (r) {
        if (r.ok) {
          say(done, 'ok');
          window.location.reload();
        } else if (r.status !== 401) {
          busy = false;
          buttons(true);
          say(problemText(r), 'error');
        }
      };
    }

    document.querySelectorAll('#body .segment').forEach(function (segment) {
      segment.addEventListener('click', function () {
        if (decidable && !locked) { segment.classList.toggle('chosen'); }
      });
    });
    document.querySelectorAll('#decide [data-decision]').forEach(function (button) {
      button.addEventListener('click', function () { decide(button.getAttribute('data-decision')); });
    });
    var skipButton = document.getElementById('skip');
    if (skipButton) { skipButton.addEventListener('click', skip); }
    var takeDownButton = document.getElementById('take-down');
    if (takeDownButton) { takeDownButton.addEventListener('click', takeDown); }
    var restoreButton = document.getElementById('restore');
    if (restoreButton) { restoreButton.addEventListener('click', restore); }

    document.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && typing(event)) { event.target.blur(); return; }
      if (typing(event) || event.ctrlKey || event.metaKey || event.altKey) { return; }
      var key = event.key.toLowerCase();
      if (reason && /^[1-9]$/.test(key) && Number(key) < reason.options.length) {
        reason.selectedIndex = Number(key);
        say('Reason: ' + reason.options[reason.selectedIndex].textContent, '');
        event.preventDefault();
        return;
      }
      var actions = {
        a: function () { decide('APPROVE'); },
        s: function () { decide('APPROVE_SPOILER'); },
        r: function () { decide('REJECT'); },
        n: skip,
        t: takeDown,
        u: restore,
        q: function () { window.location.href = '/console'; },
        escape: function () { window.location.href = '/console'; }
      };
      if (actions[key]) {
        event.preventDefault();
        actions[key]();
      }
    });

    if (decidable) { claim(); }
  }

  document.addEventListener('DOMContentLoaded', function () {
    queuePage();
    casePage();
  });
}());
