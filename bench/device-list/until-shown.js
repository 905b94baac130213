/* global document, requestAnimationFrame */
// Injected into the page by the benchmark (page.addInitScript), never part of the app: resolves once an element
// matches `selector` (and has `attribute` = `value` when given), checked every animation frame so waiting adds
// no polling delay to what is timed. The page's CSP forbids Playwright's string predicates, hence this helper.
globalThis.untilShown = (selector, attribute, value) =>
  new Promise((resolve) => {
    const check = () => {
      const element = document.querySelector(selector);
      if (element !== null && (attribute === undefined || element.getAttribute(attribute) === value))
        resolve();
      else requestAnimationFrame(check);
    };
    check();
  });
