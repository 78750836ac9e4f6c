/* Updates the readability panel while the author writes the plain-language summary: the text is
   sent to the hub's admin endpoint at most every 600 ms of quiet, and the advice region is
   aria-live so screen-reader users hear the new advice. Messages come from the server. */
(function () {
  "use strict";

  var DELAY = 600;

  function csrfToken(form) {
    var input = form && form.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function render(panel, data) {
    var score = panel.querySelector("[data-readability-score]");
    var level = panel.querySelector("[data-readability-level]");
    var advice = panel.querySelector("[data-readability-advice]");
    score.textContent = data.score === null ? "–" : Math.round(data.score) + "/100";
    level.textContent = data.level_label ? "(" + data.level_label + ")" : "";
    level.classList.toggle("readability__level--complex", data.too_complex);
    var list = document.createElement(data.advice.length ? "ul" : "p");
    list.className = "readability__advice";
    if (data.advice.length) {
      data.advice.forEach(function (line) {
        var item = document.createElement("li");
        item.textContent = line;
        list.appendChild(item);
      });
    } else {
      list.textContent = data.no_advice;
    }
    advice.replaceChildren(list);
  }

  function showError(panel) {
    var advice = panel.querySelector("[data-readability-advice]");
    var message = document.createElement("p");
    message.className = "readability__advice";
    message.textContent = panel.dataset.readabilityError;
    advice.replaceChildren(message);
  }

  function connect(panel) {
    var form = panel.closest("form");
    var field = form && form.querySelector("[name=" + panel.dataset.readabilityField + "]");
    if (!field || panel.dataset.readabilityConnected) {
      return;
    }
    panel.dataset.readabilityConnected = "true";
    var timer = null;
    var controller = null;

    function update() {
      if (controller) {
        controller.abort();
      }
      controller = new AbortController();
      var body = new FormData();
      body.append("text", field.value);
      body.append("language", panel.dataset.readabilityLanguage);
      body.append("page", panel.dataset.readabilityPage);
      body.append("parent", panel.dataset.readabilityParent);
      fetch(panel.dataset.readabilityUrl, {
        method: "POST",
        body: body,
        headers: { "X-CSRFToken": csrfToken(form) },
        credentials: "same-origin",
        signal: controller.signal,
      })
        .then(function (response) {
          if (!response.ok) {
            throw new Error(response.status);
          }
          return response.json();
        })
        .then(function (data) {
          render(panel, data);
        })
        .catch(function (error) {
          if (error.name !== "AbortError") {
            showError(panel);
          }
        });
    }

    field.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(update, DELAY);
    });
  }

  function connectAll() {
    document.querySelectorAll("[data-readability]").forEach(connect);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", connectAll);
  } else {
    connectAll();
  }
})();
