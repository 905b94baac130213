import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KEY_TYPES, keyProblems, type KeyDraft } from '../../../../src-main/shared/keys';
import { TenantError } from '../../../../src-main/simulator/tenant/tenant';
import { keyTargetOf, LYON, tenantWithEveryModel } from './key-fixture';

const { tenant, devices } = tenantWithEveryModel();
const subscribers = tenant.listSubscribers(LYON);
const userSubscriber = subscribers.find((s) => s.userId !== undefined)?.id ?? '';
const bareSubscriber = subscribers.find((s) => s.userId === undefined)?.id ?? '';

const destination = fc.record(
  {
    number: fc.constantFrom('+33478000000', '0612345678', '*21#'),
    phoneNumberId: fc.constantFrom(userSubscriber, bareSubscriber, '6650a1c0d1ffffffffffffff'),
    groupId: fc.constant('sales-group'),
    displayName: fc.constantFrom('Reception', 'Taxi'),
  },
  { requiredKeys: [] },
);

const draft = fc
  .record({
    keyNum: fc.oneof(fc.integer({ min: 1, max: 12 }), fc.integer({ min: -1, max: 210 })),
    keyType: fc.constantFrom(...KEY_TYPES),
    moduleId: fc.constantFrom(0, 0, 1, 2, 3),
    device: fc.constantFrom(...devices),
  })
  .chain((place) => destination.map((fields) => ({ ...place, ...fields })));

/** Creates the key on the simulated CloudPBX, then removes it again; the refusal's rule, if any. */
function serverVerdict(deviceId: string, key: KeyDraft): string | undefined {
  try {
    tenant.createKey(LYON, deviceId, key);
    tenant.deleteKey(LYON, deviceId, key.moduleId, key.keyNum);
    return undefined;
  } catch (error) {
    if (error instanceof TenantError) return error.rule;
    throw error;
  }
}

describe('the key validator against every model of the catalogue', () => {
  it('accepts exactly the keys the CloudPBX accepts, so 400581 is never the first sign', () => {
    fc.assert(
      fc.property(draft, ({ device, ...key }) => {
        const problems = keyProblems(key, keyTargetOf(tenant, device));
        const refusedBy = serverVerdict(device.id, key);
        expect(refusedBy === undefined).toBe(problems.length === 0);
        if (refusedBy === 'key-type-not-supported') {
          expect(problems.map((problem) => problem.field)).toContain('keyType');
        }
      }),
      { numRuns: 3000 },
    );
  });
});
