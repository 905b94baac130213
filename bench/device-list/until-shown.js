/* global document, requestAnimationFrame */
// Injected into the page by the benchmark (page.addInitScript), never part of the app: resolves once an element
// matches `selector` (and has `attribute` = `value` when given), checked every animation frame so waiting adds
// no polling delay to what is timed. The page's CSP forbids Playwright's string predicates, hence this helper.
// It answers the page's clock (performance.now()) when it saw the element: the simulator runs in the test's own
// process, and while it builds a 2.5 MB subscriber list the test would learn of the rows seconds late.
globalThis.untilShown = (selector, attribute, value) =>
  new Promise((resolve) => {
    const check = () => {
      const element = document.querySelector(selector);
      if (element !== null && (attribute === undefined || element.getAttribute(attribute) === value))
        resolve(performance.now());
      else requestAnimationFrame(check);
    };
    check();
  });
