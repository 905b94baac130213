/**
 * What a technician types into the device search on a large site: a name, a short number, a MAC read off a label
 * (with separators), a model; each followed by erasing it. `\b` is a Backspace.
 */
const word = (text: string): string[] => [...text, ...Array.from(text, () => '\b')];

export const KEYSTROKES: readonly string[] = [
  ...word('bench user 04'),
  ...word('8104'),
  ...word('48:7a:55:c0:0f'),
  ...word('m7'),
  ...word('handset'),
];
