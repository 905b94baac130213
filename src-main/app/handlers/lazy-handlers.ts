import { callNames, type CallName } from '../../api/contract';
import { lazy } from '../lazy';
import type { NamespaceHandlers } from './handler-types';

/**
 * The handlers of a namespace, loaded (with the services behind them) on the namespace's first call. Every call
 * of the contract in that namespace gets one, so none can be missing; the load is shared by all of them.
 */
export function lazyHandlers<NS extends string>(
  namespace: NS,
  load: () => Promise<NamespaceHandlers<NS>>,
): NamespaceHandlers<NS> {
  const loaded = lazy(load);
  const names = callNames.filter((name) => name.startsWith(`${namespace}.`));
  const handlerOf = (name: CallName) => async (input: unknown) => {
    const handlers = (await loaded()) as Record<CallName, (input: unknown) => unknown>;
    return handlers[name](input);
  };
  return Object.fromEntries(names.map((name) => [name, handlerOf(name)])) as NamespaceHandlers<NS>;
}
