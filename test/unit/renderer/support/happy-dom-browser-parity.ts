/**
 * Unit-test setup: makes happy-dom answer like a browser where the difference costs seconds.
 *
 * happy-dom's `Element#toString()` serialises the element's whole subtree (a browser answers
 * `[object HTMLDivElement]`), and Popper calls it on every position update of every Element Plus tooltip, select
 * and dropdown — with the app mounted, each call serialised the page.
 */
if (typeof Element !== 'undefined') {
  Element.prototype.toString = function toString(this: Element): string {
    return `[object ${this.constructor.name}]`;
  };
}
