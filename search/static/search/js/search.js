/* Vigie IA search page: progressive enhancement of the filter form.

   Without JavaScript the form works as it always has: tick facets, press "Apply filters".
   With it, ticking a facet or changing the sort fetches the same page with the new query
   string (GET, same origin), swaps the facets and results region, updates the address with
   history.replaceState, keeps focus on the control just changed (same id after the swap) and
   writes the new result count into a polite live region that stays in the page (a replaced
   live region would not be announced). Every string comes from the fetched page. On any
   failure the form is submitted normally. The disclosures the reader opened (the filters on a
   phone, "Show all" of a facet) stay open after the swap. */
(function () {
    "use strict";

    var form = document.querySelector("form.search-form");
    var region = document.getElementById("search-region");
    var status = document.getElementById("search-status");
    if (!form || !region || !status || !window.fetch || !window.DOMParser || !window.URLSearchParams) {
        return;
    }
    var pending = null;

    // A wide screen shows the filters as a column: opened here for browsers whose CSS cannot
    // show a closed disclosure's content (``::details-content``).
    var filters = document.getElementById("search-filters");
    if (filters && window.matchMedia && window.matchMedia("(min-width: 48em)").matches) {
        filters.open = true;
    }

    function openDisclosures() {
        return Array.prototype.filter
            .call(region.querySelectorAll("details[id]"), function (details) {
                return details.open;
            })
            .map(function (details) {
                return details.id;
            });
    }

    function reopen(ids) {
        ids.forEach(function (id) {
            var details = document.getElementById(id);
            if (details) {
                details.open = true;
            }
        });
    }

    function isFilterControl(element) {
        return (
            (element.type === "checkbox" && element.closest(".search-facets")) ||
            element.id === "search-sort"
        );
    }

    function queryString() {
        var params = new URLSearchParams();
        new FormData(form).forEach(function (value, name) {
            if (value !== "") {
                params.append(name, value);
            }
        });
        return params.toString();
    }

    function update(changed) {
        var query = queryString();
        var url = form.getAttribute("action") + (query ? "?" + query : "");
        if (pending) {
            pending.abort();
        }
        pending = new AbortController();
        region.setAttribute("aria-busy", "true");
        fetch(url, {
            credentials: "same-origin",
            headers: { Accept: "text/html" },
            signal: pending.signal,
        })
            .then(function (response) {
                if (!response.ok) {
                    throw new Error("HTTP " + response.status);
                }
                return response.text();
            })
            .then(function (html) {
                var fetched = new DOMParser().parseFromString(html, "text/html");
                var newRegion = fetched.getElementById("search-region");
                var heading = fetched.getElementById("results-heading");
                if (!newRegion || !heading) {
                    throw new Error("unexpected page");
                }
                var opened = openDisclosures();
                region.innerHTML = newRegion.innerHTML;
                reopen(opened);
                region.removeAttribute("aria-busy");
                var feed = document.querySelector('link[rel="alternate"][type="application/atom+xml"]');
                var newFeed = fetched.querySelector('link[rel="alternate"][type="application/atom+xml"]');
                if (feed && newFeed) {
                    feed.setAttribute("href", newFeed.getAttribute("href"));
                }
                history.replaceState(null, "", url);
                var again = changed.id && document.getElementById(changed.id);
                if (!again) {
                    // The value left the facets: focus the result count instead of the page top.
                    again = document.getElementById("results-heading");
                    again.setAttribute("tabindex", "-1");
                }
                again.focus();
                // Emptied first so the same count said twice in a row is still announced.
                var count = heading.textContent.replace(/\s+/g, " ").trim();
                status.textContent = "";
                window.setTimeout(function () {
                    status.textContent = count;
                }, 150);
                pending = null;
            })
            .catch(function (error) {
                if (error && error.name === "AbortError") {
                    return;
                }
                region.removeAttribute("aria-busy");
                form.submit();
            });
    }

    form.addEventListener("change", function (event) {
        if (isFilterControl(event.target)) {
            update(event.target);
        }
    });
})();
