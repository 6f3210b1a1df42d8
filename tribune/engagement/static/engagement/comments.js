// Progressive enhancement of the comment section: every form works without this
// file (POST, redirect, message). With it, posts, likes and votes happen in place.
(function () {
  "use strict";
  var section = document.querySelector("[data-comments]");
  var status = document.querySelector("[data-comments-status]");

  function say(message, ok) {
    if (!status) return;
    status.innerHTML = "";
    var p = document.createElement("p");
    p.className = "notice " + (ok ? "notice--success" : "notice--error");
    p.textContent = message;
    status.appendChild(p);
  }

  function send(url, form) {
    return fetch(url, {
      method: "POST",
      body: new FormData(form),
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    }).then(function (response) {
      return response.json();
    });
  }

  function fragment(html) {
    var template = document.createElement("template");
    template.innerHTML = html;
    return template.content.firstElementChild;
  }

  var form = document.querySelector("[data-comment-form]");
  var home = form && form.parentNode;
  var homeNext = form && form.nextSibling;
  var title = form && form.querySelector("[data-reply-title]");
  var defaultTitle = title && title.textContent;
  var cancel = form && form.querySelector("[data-reply-cancel]");

  function resetReply() {
    form.querySelector("[data-parent-field]").value = "";
    title.textContent = defaultTitle;
    cancel.hidden = true;
    home.insertBefore(form, homeNext);
  }

  if (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var button = form.querySelector("button[type=submit]");
      button.disabled = true;
      send(form.action, form)
        .then(function (data) {
          say(data.message, data.ok);
          if (!data.ok) return;
          form.querySelector("textarea").value = "";
          if (data.html) {
            var item = fragment(data.html);
            var list = data.parent
              ? document.querySelector('[data-replies-for="' + data.parent + '"]')
              : document.querySelector("[data-comment-list]");
            if (list) {
              if (data.parent) list.appendChild(item);
              else list.insertBefore(item, list.firstChild);
            }
            var empty = document.querySelector("[data-comments-empty]");
            if (empty) empty.remove();
          }
          if (form.querySelector("[data-parent-field]").value) resetReply();
        })
        .catch(function () {
          form.submit();
        })
        .finally(function () {
          button.disabled = false;
        });
    });
    if (cancel) {
      cancel.addEventListener("click", function (event) {
        event.preventDefault();
        resetReply();
      });
    }
  }

  if (!section) return;
  section.addEventListener("click", function (event) {
    var reply = event.target.closest("[data-reply]");
    if (reply && form) {
      event.preventDefault();
      form.querySelector("[data-parent-field]").value = reply.getAttribute("data-reply");
      var name = reply.getAttribute("data-reply-name");
      // A function, not a string: a name with $& or $' must not be read as a replacement pattern.
      title.textContent = title.getAttribute("data-reply-label").replace("%s", function () {
        return name;
      });
      cancel.hidden = false;
      reply.closest(".comment").appendChild(form);
      form.querySelector("textarea").focus();
      return;
    }
    var like = event.target.closest("[data-like]");
    if (like) {
      event.preventDefault();
      send(like.getAttribute("formaction"), document.getElementById("reactie-acties")).then(function (data) {
        if (!data.ok) return say(data.message, false);
        like.setAttribute("aria-pressed", "true");
        like.querySelector("[data-like-count]").textContent = data.count;
      });
    }
  });
})();

(function () {
  "use strict";
  document.addEventListener("submit", function (event) {
    var form = event.target.closest("[data-poll-form]");
    if (!form) return;
    event.preventDefault();
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    })
      .then(function (response) {
        return response.json();
      })
      .then(function (data) {
        if (data.html) {
          var template = document.createElement("template");
          template.innerHTML = data.html;
          form.closest("[data-poll]").replaceWith(template.content.firstElementChild);
        } else if (!data.ok) {
          form.submit();
        }
      })
      .catch(function () {
        form.submit();
      });
  });
})();

// Tells the page (and the browser tests) that posting in place is live.
document.documentElement.setAttribute("data-comments-ready", "");
