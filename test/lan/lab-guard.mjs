// Refuses to run a lab agent or probe anywhere but inside a lab namespace, where every address is in
// 198.18.0.0/15 (RFC 2544 benchmarking space): started by mistake on the machine itself, they would serve
// and multicast on its real network.
import { networkInterfaces } from 'node:os';

const inBenchmarkRange = (address) => /^198\.(18|19)\.\d{1,3}\.\d{1,3}$/.test(address);

/** Exits with an explanation unless every non-loopback IPv4 address here (at least one) is a lab address. */
export function assertInsideLab(program) {
  const addresses = Object.values(networkInterfaces())
    .flat()
    .filter((entry) => entry && !entry.internal && entry.family === 'IPv4')
    .map((entry) => entry.address);
  if (addresses.length > 0 && addresses.every(inBenchmarkRange)) return;
  process.stderr.write(
    `${program}: refusing to run outside a lab network namespace (addresses here: ${addresses.join(', ') || 'none'}); ` +
      'start it with `ip netns exec <lab namespace> ...` (see test/lan/lab.ts)\n',
  );
  process.exit(3);
}

/** Exits unless `address` is a lab address. */
export function assertLabTarget(program, address) {
  if (inBenchmarkRange(address)) return;
  process.stderr.write(`${program}: ${address} is not a lab address (198.18.0.0/15)\n`);
  process.exit(3);
}
