import type { CallName } from '../../api/contract';
import type { Handlers } from '../../api/router';

/** The handlers of one namespace (`'systems'` → `systems.list`, `systems.get`, …), so each lives in its own file. */
export type NamespaceHandlers<NS extends string> = Pick<Handlers, Extract<CallName, `${NS}.${string}`>>;
