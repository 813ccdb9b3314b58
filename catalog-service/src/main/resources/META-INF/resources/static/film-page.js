// Live updates of a film page: the page is complete without this script; with it, the rating and the
// reviews update themselves when the server announces a change (Server-Sent Events). A notice carries the
// parts it changed, rendered and escaped by the page's own template; nothing here builds HTML from review
// text. Only a rebuild (or a notice without its parts) makes the page fetch itself again.
(function () {
  'use strict';
  var film = document.getElementById('film');
  if (!film || !window.EventSource || !window.fetch || !window.DOMParser) {
    return;
  }
  var status = document.getElementById('live-status');
  var messages = {
    published: 'A new review was published.',
    changed: 'A review was updated.',
    removed: 'A review was removed.',
    voted: '',
    rebuilt: 'The reviews were refreshed.'
  };
  var timer = null;
  var announce = '';
  var quiet = null;

  function say(text) {
    if (status && text) {
      status.textContent = text;
      window.clearTimeout(quiet);
      quiet = window.setTimeout(function () { status.textContent = ''; }, 8000);
    }
  }

  // What the reader had opened under root (a spoiler, "View More") stays open when replace() swaps it for new markup.
  function keepingOpen(root, replace) {
    var opened = Array.prototype.slice.call(root.querySelectorAll('details[open][id]'))
      .map(function (details) { return details.id; });
    replace();
    opened.forEach(function (id) {
      var details = document.getElementById(id);
      if (details) {
        details.open = true;
      }
    });
  }

  function refresh() {
    var address = window.location.href.split('#')[0];
    fetch(address, { headers: { Accept: 'text/html' }, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.text();
      })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, 'text/html');
        keepingOpen(document, function () {
          ['rating', 'reviews'].forEach(function (id) {
            var current = document.getElementById(id);
            var replacement = fresh.getElementById(id);
            if (current && replacement) {
              current.replaceWith(document.importNode(replacement, true));
            }
          });
        });
        film.setAttribute('data-refreshed', String(Date.now()));
        say(announce);
        announce = '';
      })
      .catch(function () {
        say('The reviews could not be refreshed; reload the page to see the latest.');
      });
  }

  // A vote carries its new totals: the review's line is set in place, no page is fetched. (The order of
  // "Most helpful" catches up at the next change or reload.)
  function voted(notice) {
    var item = document.getElementById('review-' + notice.reviewId);
    if (!item) {
      return;
    }
    var article = item.querySelector('article');
    var line = item.querySelector('p.helpful');
    var votes = notice.helpful + notice.notHelpful;
    if (votes <= 0) {
      if (line) {
        line.remove();
      }
      return;
    }
    if (!line && article) {
      line = document.createElement('p');
      line.className = 'helpful';
      article.appendChild(line);
    }
    if (line) {
      line.textContent = notice.helpful + ' of ' + votes + ' found this helpful';
    }
    film.setAttribute('data-voted', String(Date.now()));
  }

  // Markup the server rendered and escaped; a DOMParser document runs no script and loads nothing.
  function parsed(html) {
    return new DOMParser().parseFromString(html, 'text/html').body.firstElementChild;
  }

  // A review published, changed or removed: its list item and the rating are set in place. A new review goes
  // on top of the first page of the newest reviews; elsewhere the reader is told, and the order catches up at
  // the next reload (as for votes).
  function placed(notice) {
    var rating = document.getElementById('rating');
    var freshRating = parsed(notice.ratingHtml);
    if (rating && freshRating) {
      rating.replaceWith(document.importNode(freshRating, true));
    }
    var count = document.querySelector('#reviews-title .count');
    if (count && typeof notice.reviewCount === 'number') {
      count.textContent = String(notice.reviewCount);
    }
    var current = document.getElementById('review-' + notice.reviewId);
    var fresh = typeof notice.reviewHtml === 'string' ? parsed(notice.reviewHtml) : null;
    if (!fresh) {
      if (current) {
        current.remove();
      }
    } else if (current) {
      keepingOpen(current, function () {
        current.replaceWith(document.importNode(fresh, true));
      });
    } else {
      var section = document.getElementById('reviews');
      if (section && section.getAttribute('data-live-insert') === 'top') {
        var list = section.querySelector('ol.review-list');
        if (!list) {
          list = document.createElement('ol');
          list.className = 'review-list';
          var empty = section.querySelector('p.empty');
          if (empty) {
            empty.replaceWith(list);
          } else {
            section.appendChild(list);
          }
        }
        list.insertBefore(document.importNode(fresh, true), list.firstElementChild);
      }
    }
    film.setAttribute('data-placed', String(Date.now()));
    say(messages[notice.kind]);
  }

  function changed(kind) {
    if (messages[kind]) {
      announce = messages[kind];
    }
    // Several notices close together make one refresh.
    if (timer === null) {
      timer = window.setTimeout(function () {
        timer = null;
        refresh();
      }, 250);
    }
  }

  var source = new EventSource('/films/' + encodeURIComponent(film.getAttribute('data-film-id')) + '/events');
  source.addEventListener('open', function () {
    film.setAttribute('data-live', 'connected');
  });
  source.addEventListener('review', function (event) {
    var notice = {};
    try {
      notice = JSON.parse(event.data);
    } catch (ignored) {
      // an unreadable notice still means something changed
    }
    if (notice.kind === 'voted' && typeof notice.helpful === 'number' && typeof notice.notHelpful === 'number') {
      voted(notice);
      return;
    }
    if (typeof notice.ratingHtml === 'string' && /^(published|changed|removed)$/.test(notice.kind)) {
      placed(notice);
      return;
    }
    changed(notice.kind || 'changed');
  });
  source.addEventListener('rebuilt', function () {
    changed('rebuilt');
  });
  source.addEventListener('error', function () {
    film.setAttribute('data-live', 'reconnecting');
  });
}());
