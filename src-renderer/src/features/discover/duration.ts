/** A duration as the screen says it: whole seconds under two minutes, whole minutes beyond. */
export function spokenDuration(milliseconds: number): { unit: 'seconds' | 'minutes'; count: number } {
  const seconds = Math.ceil(Math.max(0, milliseconds) / 1000);
  if (seconds < 120) return { unit: 'seconds', count: seconds };
  return { unit: 'minutes', count: Math.round(seconds / 60) };
}
