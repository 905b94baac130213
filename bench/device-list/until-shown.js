/* global document, requestAnimationFrame */
// Injected into the page by the benchmark (page.addInitScript), never part of the app: resolves once an element
// matches `selector` (and has `attribute` = `value` when given), checked every animation frame so waiting adds
// no polling delay to what is timed. The page's CSP forbids Playwright's string predicates, hence this helper.
// It answers the page's clock (performance.now()) when it saw the element, so how late the test hears of it (a
// busy test process, the DevTools round trip) does not count.
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
