/**
 * Saves `text` as a file through a Blob URL and a temporary link: a navigation, not a fetch, so the strict CSP
 * (no blob: in connect-src) does not stand in the way, and nothing but the link touches the page.
 */
export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // The download has its own copy once started; the URL only needs to outlive the click's task.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
