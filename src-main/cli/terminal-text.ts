/**
 * C0 controls (except tab and line feed), a carriage return not ending a line, DEL and C1 controls: a terminal
 * acts on them (ESC starts sequences that clear the screen, move the cursor or retitle the window; a lone CR
 * overwrites the line), so text from a CSV cell, a phone or a server must never reach it raw.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this looks for
const CONTROL_IN_LAYOUT = /\r(?!\n)|[\u0000-\u0008\u000b-\u000c\u000e-\u001f\u007f-\u009f]/g;
/** The same, and tabs and line breaks too: inside a table cell they would break the layout. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this looks for
const CONTROL_IN_CELL = /[\u0000-\u001f\u007f-\u009f]/g;

function escapeOne(character: string): string {
  return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * Shows every control character of `text` as its `\u001b` escape, the notation JSON uses, so a JSON document
 * passes unchanged (JSON.stringify leaves DEL and C1 raw; escaped this way they keep their meaning). `'layout'`
 * keeps tabs, line feeds and CR LF pairs, the shape of a message; `'cell'` escapes them as well.
 */
export function escapeControlCharacters(text: string, keep: 'layout' | 'cell' = 'layout'): string {
  return text.replace(keep === 'layout' ? CONTROL_IN_LAYOUT : CONTROL_IN_CELL, escapeOne);
}
