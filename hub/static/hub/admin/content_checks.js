/* The project's checks for Wagtail's content checker (see hub/content_checks.py). Each is a pure
   function of the node and the options sent from Python, registered with the userbar before it
   configures axe on the window's load event. */
(function () {
  "use strict";

  function normalise(text) {
    return text
      .toLowerCase()
      .replace(/[\s_\-.,;:!?()[\]"'’«»]+/g, " ")
      .trim();
  }

  function fileName(src) {
    var last = (src || "").split("?")[0].split("#")[0].split("/").pop() || "";
    try {
      last = decodeURIComponent(last);
    } catch (error) {
      return "";
    }
    /* Wagtail renditions are "name.hash.filter.ext": the name is what the author uploaded. */
    return last.split(".")[0];
  }

  function isDecorative(node) {
    var role = node.getAttribute("role");
    return role === "presentation" || role === "none" || node.getAttribute("aria-hidden") === "true";
  }

  function headingLevel(node) {
    return Number(node.tagName.charAt(1));
  }

  var checks = {
    /* A content image needs an alternative text that says what it shows. */
    "vigie-meaningful-alt": function (node, options) {
      if (isDecorative(node)) {
        return true;
      }
      var alt = (node.getAttribute("alt") || "").trim();
      if (!alt) {
        return false;
      }
      var said = normalise(alt);
      if (options.generic.map(normalise).indexOf(said) !== -1) {
        return false;
      }
      if (new RegExp(options.pattern, "i").test(alt)) {
        return false;
      }
      var name = normalise(fileName(node.getAttribute("src")));
      return !(name && name === said);
    },
    /* A heading is at most one level below the heading before it in the same body. */
    "vigie-no-skipped-heading": function (node, options) {
      var container = node.closest(options.container);
      if (!container) {
        return true;
      }
      var headings = Array.prototype.slice.call(container.querySelectorAll("h1, h2, h3, h4, h5, h6"));
      var index = headings.indexOf(node);
      var previous = index > 0 ? headingLevel(headings[index - 1]) : 1;
      return headingLevel(node) <= previous + 1;
    },
    /* The summary's verdict is computed by the server and sent in the options. */
    "vigie-summary-not-missing": function (node, options) {
      return options.status !== options.problem;
    },
    "vigie-summary-not-complex": function (node, options) {
      return options.status !== options.problem;
    },
  };

  window.vigieContentChecks = checks;
  var userbar = document.querySelector("wagtail-userbar");
  if (userbar && typeof userbar.registerCheck === "function") {
    Object.keys(checks).forEach(function (id) {
      userbar.registerCheck(id, checks[id]);
    });
  }
})();
