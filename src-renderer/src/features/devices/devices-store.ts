import { inject, shallowReactive, watch } from 'vue';
import { defineStore } from 'pinia';
import type { CallInput } from '@api/contract';
import type { Device, DeviceActionResult, IdentifierCheck } from '@api/types';
import { useApi } from '@renderer/api/inject';
import type { ExpansionModulePosition } from '@shared/enums';
import { useSessionStore } from '@renderer/features/sign-in/session-store';
import { clockKey, systemClock } from '@renderer/time/clock';
import {
  createLoadable,
  fillInPieces,
  fillInPiecesUnlessRunning,
  running,
  type Loadable,
} from '@renderer/api/loadable';

export type RegisterInput = CallInput<'devices.register'>;
export type CheckIdentifierInput = CallInput<'devices.checkIdentifier'>;
export type ModuleInput = CallInput<'modules.add'>;

/**
 * A list that finished arriving this recently is shown as it is by a screen that opens: the listing started on
 * choosing the CloudPBX is the one the device screen, opened from the overview a moment later, shows. Listing
 * 10,000 devices again then kept the screen "loading" for as long again. Refresh always lists again.
 */
export const FRESH_LIST_MS = 10_000;

/**
 * The devices of each CloudPBX, and every change a technician makes to one. Actions throw `ApiError` for the
 * dialog that started them to show; on success the list is updated in place (one device replaced), so the
 * table never reloads 10,000 devices after a single change.
 */
export const useDevicesStore = defineStore('devices', () => {
  const api = useApi();
  const session = useSessionStore();
  const clock = inject(clockKey, systemClock);
  const bySystem = shallowReactive(new Map<string, Loadable<Device[]>>());
  /** When each CloudPBX's list last finished arriving. */
  const listedAt = new Map<string, number>();

  const forSystem = (systemId: string): Loadable<Device[]> | undefined => bySystem.get(systemId);

  function entry(systemId: string): Loadable<Device[]> {
    const known = bySystem.get(systemId);
    if (known) return known;
    const created = createLoadable<Device[]>();
    bySystem.set(systemId, created);
    return created;
  }

  /** Every page of the list, in order, each handed to `arrived` as soon as it is there. */
  const fetchPages =
    (systemId: string) =>
    async (arrived: (devices: readonly Device[]) => void): Promise<void> => {
      let page = await api.devices.listPage({ systemId });
      arrived(page.devices);
      while (page.cursor !== undefined) {
        page = await api.devices.listPage({ systemId, cursor: page.cursor });
        arrived(page.devices);
      }
      listedAt.set(systemId, clock.now());
    };

  /** The first page shows as soon as it is there; the rest is appended as it arrives. */
  const load = (systemId: string): Promise<void> => fillInPieces(entry(systemId), fetchPages(systemId));

  /**
   * For the device screen opening, and for choosing a CloudPBX (the list a technician opens most starts then,
   * so it is on its way while the screens load): shares a listing already running, keeps a list that has just
   * arrived (FRESH_LIST_MS), else lists again.
   */
  function loadForScreen(systemId: string): Promise<void> {
    const list = entry(systemId);
    const arrivedAt = listedAt.get(systemId);
    const fresh =
      running(list) === undefined &&
      list.value !== undefined &&
      list.error === undefined &&
      arrivedAt !== undefined &&
      clock.now() - arrivedAt < FRESH_LIST_MS;
    return fresh ? Promise.resolve() : fillInPiecesUnlessRunning(list, fetchPages(systemId));
  }

  /** The listing of this CloudPBX on its way, if any: what waits for the devices to be listed first. */
  const arriving = (systemId: string): Promise<void> | undefined => {
    const list = bySystem.get(systemId);
    return list && running(list);
  };

  const find = (systemId: string, deviceId: string): Device | undefined =>
    bySystem.get(systemId)?.value?.find((device) => device.id === deviceId);

  /** Puts `device` in its CloudPBX's list, replacing the one with its id or appending it. */
  function upsert(device: Device): Device {
    const list = bySystem.get(device.systemId);
    if (list?.value) {
      const index = list.value.findIndex((known) => known.id === device.id);
      list.value =
        index === -1
          ? [...list.value, device]
          : list.value.map((known, at) => (at === index ? device : known));
    }
    return device;
  }

  function drop(systemId: string, deviceId: string): void {
    const list = bySystem.get(systemId);
    if (list?.value) list.value = list.value.filter((device) => device.id !== deviceId);
  }

  /** Fetches one device again (after a swap or anything the list cannot know about). */
  const refresh = async (systemId: string, deviceId: string): Promise<Device> =>
    upsert(await api.devices.get({ systemId, deviceId }));

  /** How the core reads an identifier, and whether this CloudPBX already has it; changes nothing. */
  const checkIdentifier = (input: CheckIdentifierInput): Promise<IdentifierCheck> =>
    api.devices.checkIdentifier(input);

  const register = async (input: RegisterInput): Promise<Device> => upsert(await api.devices.register(input));

  const assign = async (systemId: string, deviceId: string, phoneNumberId: string): Promise<Device> =>
    upsert(await api.devices.assign({ systemId, deviceId, phoneNumberId }));

  const unassign = async (systemId: string, deviceId: string): Promise<Device> =>
    upsert(await api.devices.unassign({ systemId, deviceId }));

  async function remove(systemId: string, deviceId: string): Promise<DeviceActionResult> {
    const result = await api.devices.delete({ systemId, deviceId });
    drop(systemId, deviceId);
    return result;
  }

  const reboot = (systemId: string, deviceId: string): Promise<DeviceActionResult> =>
    api.devices.reboot({ systemId, deviceId });

  const reset = (systemId: string, deviceId: string, confirmation: string): Promise<DeviceActionResult> =>
    api.devices.reset({ systemId, deviceId, confirmation });

  const addModule = async (input: ModuleInput): Promise<Device> => upsert(await api.modules.add(input));

  const removeModule = async (
    systemId: string,
    deviceId: string,
    moduleId: ExpansionModulePosition,
  ): Promise<Device> => upsert(await api.modules.remove({ systemId, deviceId, moduleId }));

  watch(
    () => session.identity,
    () => {
      bySystem.clear();
      listedAt.clear();
    },
  );

  return {
    forSystem,
    load,
    loadForScreen,
    arriving,
    find,
    upsert,
    refresh,
    checkIdentifier,
    register,
    assign,
    unassign,
    remove,
    reboot,
    reset,
    addModule,
    removeModule,
  };
});
