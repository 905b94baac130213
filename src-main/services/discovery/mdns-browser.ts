/**
 * mDNS browsing with bonjour-service: one browser per service type, re-queried on demand, every error routed
 * to the caller (a socket error would otherwise be thrown from an EventEmitter and end the process), and every
 * browser stopped before the socket is destroyed.
 */
import type { EventEmitter } from 'node:events';
import type { Bonjour, Browser, Service } from 'bonjour-service';
import { MDNS_SERVICE_TYPES, txtAsStrings, type MdnsSighting } from './mdns-sighting';

export interface MdnsBrowsing {
  /** Asks again: devices that missed the first query answer this one. */
  requery(): void;
  /** Stops every browser and closes the socket. */
  stop(): Promise<void>;
}

export type MdnsBrowserFactory = (
  localAddress: string,
  onSighting: (sighting: MdnsSighting) => void,
  onError: (error: Error) => void,
) => MdnsBrowsing;

/** The multicast-dns instance inside bonjour-service, which emits socket errors (EADDRINUSE, EACCES). */
function mdnsEmitterOf(bonjour: Bonjour): EventEmitter | undefined {
  const server = (bonjour as unknown as { server?: { mdns?: EventEmitter } }).server;
  return typeof server?.mdns?.on === 'function' ? server.mdns : undefined;
}

function sightingOf(service: Service): MdnsSighting {
  const sighting: MdnsSighting = {
    name: service.name,
    addresses: service.addresses ?? [],
    txt: txtAsStrings(service.txt),
  };
  if (service.referer?.address) sighting.sourceAddress = service.referer.address;
  return sighting;
}

/**
 * bonjour-service is loaded when the first scan starts browsing, not when the process starts: the sweep's
 * first probes leave meanwhile, and commands that never browse never pay for it.
 */
export const createBonjourBrowser: MdnsBrowserFactory = (localAddress, onSighting, onError) => {
  const reportError = (error: unknown): void =>
    onError(error instanceof Error ? error : new Error(String(error)));
  let stopping = false;
  // Bound to every address (a socket bound to the unicast address would not receive multicast); queries
  // leave through the scanned interface.
  const options = { interface: localAddress, bind: '0.0.0.0' } as object;
  const browsing = import('bonjour-service').then(
    ({ Bonjour: BonjourClass }) =>
      stopping ? undefined : browse(new BonjourClass(options, reportError), onSighting, reportError),
    (error: unknown) => {
      reportError(error);
      return undefined;
    },
  );
  return {
    requery: () => void browsing.then((started) => started?.requery()),
    stop: () => {
      stopping = true;
      return browsing.then((started) => started?.stop());
    },
  };
};

function browse(
  bonjour: Bonjour,
  onSighting: (sighting: MdnsSighting) => void,
  reportError: (error: unknown) => void,
): MdnsBrowsing {
  mdnsEmitterOf(bonjour)?.on('error', reportError);
  const browsers: Browser[] = MDNS_SERVICE_TYPES.map(({ type, protocol }) =>
    bonjour.find({ type, protocol }, (service) => onSighting(sightingOf(service))),
  );
  let stopped: Promise<void> | undefined;
  return {
    requery: () => {
      if (stopped) return;
      for (const browser of browsers) browser.update();
    },
    stop: () => {
      stopped ??= new Promise<void>((resolve) => {
        for (const browser of browsers) browser.stop();
        bonjour.destroy(() => resolve());
      });
      return stopped;
    },
  };
}
