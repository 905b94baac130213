/**
 * How long a lab daemon or agent may take to say it is ready before the lab gives up on it: a hang guard, not a
 * budget. Generous because the lab runs on loaded CI machines, where starting a daemon can take many seconds.
 */
export const READY_DEADLINE_MS = 60_000;
