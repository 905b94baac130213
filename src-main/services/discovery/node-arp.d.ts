// node-arp ships no types. Its callback answers (true, reason) on failure and (false, text) otherwise, where
// the "success" text can be "(incomplete)", an unpadded macOS MAC or nothing at all: see node-arp-lookup.ts.
declare module 'node-arp' {
  export function getMAC(ip: string, callback: (failed: boolean, result: unknown) => void): void;
}
