// Sends the CSRF token with every htmx request (forms carry it as a hidden field already).
document.addEventListener("htmx:configRequest", function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// What a form held when it was sent, kept in this tab until the answer arrives: if the session had
// ended, the server sends the user to sign in ("/login?expired") and back to the form's page, where
// the values are put back. Any other page that loads means the form arrived, and the copy is dropped.
// Passwords, hidden fields (tokens, ids) and files are never kept.
(function () {
  var DRAFT = "presstrace.draft";
  var storage;
  try {
    storage = window.sessionStorage;
  } catch (blocked) {
    return;
  }
  if (!storage) {
    return;
  }

  function signedInAs() {
    var name = document.querySelector(".site-user strong");
    return name ? name.textContent : "";
  }

  function kept(field) {
    var type = (field.type || "").toLowerCase();
    return field.name && !field.disabled && type !== "password" && type !== "hidden"
        && type !== "file" && type !== "submit" && type !== "button" && field.name !== "_csrf";
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || (form.method || "").toLowerCase() !== "post"
        || /\/(login|logout)$/.test(form.getAttribute("action") || "")) {
      return;
    }
    var values = [];
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!kept(field)) {
        return;
      }
      var type = (field.type || "").toLowerCase();
      if (type === "checkbox" || type === "radio") {
        values.push([field.name, field.value, field.checked]);
      } else if (field.tagName === "SELECT" && field.multiple) {
        Array.prototype.forEach.call(field.options, function (option) {
          values.push([field.name, option.value, option.selected]);
        });
      } else {
        values.push([field.name, field.value, null]);
      }
    });
    storage.setItem(DRAFT, JSON.stringify({
      user: signedInAs(),
      page: location.pathname + location.search,
      action: form.getAttribute("action") || "",
      at: Date.now(),
      values: values
    }));
  }, true);

  function restore() {
    var text = storage.getItem(DRAFT);
    if (!text) {
      return;
    }
    if (location.pathname === "/login") {
      return; // signing in again: keep the copy for the page after
    }
    storage.removeItem(DRAFT);
    var draft;
    try {
      draft = JSON.parse(text);
    } catch (broken) {
      return;
    }
    var fresh = Date.now() - draft.at < 2 * 60 * 60 * 1000;
    var cameBack = storage.getItem(DRAFT + ".expired") === "1";
    storage.removeItem(DRAFT + ".expired");
    // Only the user who typed it gets it back: another person signing in at the same browser
    // after the session ended never sees what the first one typed.
    if (!fresh || !cameBack || draft.page !== location.pathname + location.search
        || !draft.user || draft.user !== signedInAs()) {
      return;
    }
    var form = Array.prototype.find.call(document.forms, function (candidate) {
      return (candidate.method || "").toLowerCase() === "post"
          && (candidate.getAttribute("action") || "") === draft.action;
    });
    if (!form) {
      return;
    }
    draft.values.forEach(function (entry) {
      var fields = form.elements.namedItem(entry[0]);
      if (!fields) {
        return;
      }
      var list = fields instanceof RadioNodeList ? Array.prototype.slice.call(fields) : [fields];
      list.forEach(function (field) {
        if (!kept(field)) {
          return;
        }
        var type = (field.type || "").toLowerCase();
        if (type === "checkbox" || type === "radio") {
          if (field.value === entry[1]) {
            field.checked = entry[2];
          }
        } else if (field.tagName === "SELECT" && field.multiple) {
          Array.prototype.forEach.call(field.options, function (option) {
            if (option.value === entry[1]) {
              option.selected = entry[2];
            }
          });
        } else {
          field.value = entry[1];
        }
      });
    });
    var notice = document.createElement("div");
    notice.className = "alert alert--info";
    notice.setAttribute("role", "status");
    notice.id = "draft-restored";
    notice.textContent = "What you typed before your session ended is back in the form. "
        + "Check it and send it again.";
    form.parentNode.insertBefore(notice, form);
  }

  if (location.pathname === "/login" && /(^|[?&])expired(&|=|$)/.test(location.search)) {
    storage.setItem(DRAFT + ".expired", "1");
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", restore);
  } else {
    restore();
  }
})();

// A form that came back with problems lists them at its top: the list takes focus (so a screen
// reader reads it and the page shows it, even far down a long page), and each of its links moves
// focus to the field it names.
(function () {
  function focusSummary() {
    var summary = document.getElementById("error-summary");
    if (!summary) {
      return;
    }
    summary.addEventListener("click", function (event) {
      var link = event.target.closest("a[href^='#']");
      var field = link && document.getElementById(link.getAttribute("href").slice(1));
      if (field) {
        event.preventDefault();
        field.scrollIntoView({block: "center"});
        field.focus();
      }
    });
    summary.scrollIntoView({block: "start"});
    summary.focus();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", focusSummary);
  } else {
    focusSummary();
  }
})();

// The menu by task: the "Menu" button shows and hides the whole menu on a phone (its aria-expanded
// says which), only one group is open at a time, and Escape or a click elsewhere closes a group.
(function () {
  var nav = document.querySelector("nav.site-nav");
  if (!nav) {
    return;
  }
  var toggle = nav.querySelector(".site-nav__toggle");
  if (toggle) {
    toggle.addEventListener("click", function () {
      toggle.setAttribute("aria-expanded",
          toggle.getAttribute("aria-expanded") === "true" ? "false" : "true");
    });
  }
  var groups = nav.querySelectorAll(".site-nav__group > details");
  function closeGroups(except) {
    Array.prototype.forEach.call(groups, function (group) {
      if (group !== except) {
        group.open = false;
      }
    });
  }
  Array.prototype.forEach.call(groups, function (group) {
    group.addEventListener("toggle", function () {
      if (group.open) {
        closeGroups(group);
      }
    });
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") {
      return;
    }
    var open = nav.querySelector(".site-nav__group > details[open]");
    if (open) {
      open.open = false;
      open.querySelector("summary").focus();
    } else if (toggle && toggle.getAttribute("aria-expanded") === "true") {
      toggle.setAttribute("aria-expanded", "false");
      toggle.focus();
    }
  });
  document.addEventListener("click", function (event) {
    if (!nav.contains(event.target)) {
      closeGroups(null);
    }
  });
})();
// The skip link moves keyboard focus, not only the view, to the main content: the next Tab then
// starts there instead of back in the navigation.
document.addEventListener("click", function (event) {
  var link = event.target instanceof Element ? event.target.closest("a.skip-link") : null;
  var main = link ? document.getElementById("main") : null;
  if (!main) {
    return;
  }
  if (!main.hasAttribute("tabindex")) {
    main.setAttribute("tabindex", "-1");
  }
  main.focus();
});

// A table wider than the screen scrolls in its own box: the box takes keyboard focus (so it can be
// scrolled without a mouse) and is named by the table's caption or the heading before it.
(function () {
  function focusableWhenScrolling() {
    Array.prototype.forEach.call(document.querySelectorAll("table.table"), function (table) {
      if (table.scrollWidth > table.clientWidth + 1) {
        table.setAttribute("tabindex", "0");
      } else if (table.getAttribute("tabindex") === "0") {
        table.removeAttribute("tabindex");
      }
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", focusableWhenScrolling);
  } else {
    focusableWhenScrolling();
  }
  window.addEventListener("resize", focusableWhenScrolling);
})();
